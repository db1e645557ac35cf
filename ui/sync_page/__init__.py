"""The Sync page: connect this computer to the central server, sync, see what it left."""
