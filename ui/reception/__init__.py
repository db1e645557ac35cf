"""The reception desk (前台接待): ``page`` (the view with one tab per job), ``register``,
``workorders``, ``visitors`` and ``keys`` (one module per tab), ``model`` (the lists'
table model), ``actions`` (how tabs call the operations), ``labels``, ``printing``,
``signature`` and ``daybook`` (notices and the work log)."""
