"""`propdesk` with only window options opens the window; anything else is a command."""

import pytest

from ui.launcher import _only_gui_options, main


@pytest.mark.parametrize(
    ("args", "opens_window"),
    [
        ([], True),
        (["--db", "x.sqlite3"], True),
        (["--lang", "zh_CN"], True),
        (["--db=x.sqlite3", "--lang", "en", "--page", "fees"], True),
        (["demo"], False),
        (["--db", "x.sqlite3", "demo"], False),
        (["--version"], False),
        (["-h"], False),
    ],
)
def test_which_arguments_open_the_window(args, opens_window):
    assert _only_gui_options(args) is opens_window


def test_version_is_printed(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.startswith("PropDesk ")
