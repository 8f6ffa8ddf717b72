"""`chronica time`: one JSON object per time expression."""
from __future__ import annotations

import json

from click.testing import CliRunner

from chronica.cli import main


def test_time_json_lines_have_the_interface_fields(tmp_path):
    p = tmp_path / "t.txt"
    text = "He arrived on January 31, 1928. Two days later he left.\n\nMexico, 1937-1940\n\nHe wrote.\n"
    p.write_text(text, encoding="utf-8")
    res = CliRunner().invoke(main, ["time", "--json", str(p)])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.output.splitlines()]
    first = rows[0]
    assert {"start", "end", "text", "type", "value", "edtf", "earliest", "latest"} <= set(first)
    assert text[first["start"]:first["end"]] == first["text"] == "January 31, 1928"
    assert first["edtf"] == "1928-01-31" and first["type"] == "DATE"
    later = next(r for r in rows if r["text"].lower().startswith("two days later"))
    assert later["edtf"] == "1928-02-02" and later["basis"] == "relative"
    period = next(r for r in rows if r["text"] == "1937-1940")
    assert period["edtf"] == "1937/1940"
    assert period["earliest"] == "1937-01-01" and period["latest"] == "1940-12-31"


def test_time_reads_stdin_and_prints_a_table():
    res = CliRunner().invoke(main, ["time", "-"], input="In the winter of 1909 it snowed.")
    assert res.exit_code == 0
    assert "1909-24" in res.output


def test_time_bad_anchor_is_a_usage_error(tmp_path):
    res = CliRunner().invoke(main, ["time", "--anchor", "soon", "-"], input="x")
    assert res.exit_code == 2 and "not a date" in res.output


def test_time_missing_file_is_one_clear_line(tmp_path):
    res = CliRunner().invoke(main, ["time", str(tmp_path / "nope.txt")])
    assert res.exit_code == 1 and "no such file" in res.output


def test_time_explicit_anchor_is_used_without_news_genre():
    """Issue 17.8: --anchor names the document's date in every genre."""
    text = "Yesterday the council met. Today it votes; tomorrow it rests."
    res = CliRunner().invoke(main, ["time", "--json", "--anchor", "2020-03-05", "-"], input=text)
    assert res.exit_code == 0, res.output
    by_text = {r["text"].lower(): r for r in map(json.loads, res.output.splitlines())}
    assert by_text["yesterday"]["edtf"] == "2020-03-04"
    assert by_text["today"]["edtf"] == "2020-03-05"
    assert by_text["tomorrow"]["edtf"] == "2020-03-06"


def test_time_story_day_still_anchors_yesterday_in_a_narrative():
    text = "On 12 June 1815 the army marched north. The day before, it had rested."
    res = CliRunner().invoke(main, ["time", "--json", "--anchor", "2020-03-05", "-"], input=text)
    rows = [json.loads(x) for x in res.output.splitlines()]
    before = next(r for r in rows if r["text"].lower() == "the day before")
    assert before["edtf"] == "1815-06-11"


def test_time_scheme_option_prints_the_timex2_view():
    text = "The truce held from 1609 to 1621 and was now over."
    plain = CliRunner().invoke(main, ["time", "--json", "-"], input=text)
    t2 = CliRunner().invoke(main, ["time", "--json", "--scheme", "timex2", "-"], input=text)
    assert plain.exit_code == t2.exit_code == 0
    assert [json.loads(x)["text"] for x in plain.output.splitlines()][0] == "from 1609 to 1621"
    rows = [json.loads(x) for x in t2.output.splitlines()]
    assert [r["text"] for r in rows[:2]] == ["1609", "1621"]
    assert rows[-1]["text"] == "now" and rows[-1]["value"] == "PRESENT_REF"


def test_time_command_loads_no_nlp_model_or_web_stack(tmp_path):
    """Start-up is what one file costs: the time path must not import spaCy or the web app."""
    import subprocess
    import sys
    p = tmp_path / "t.txt"
    p.write_text("On 3 May 1921 he left.", encoding="utf-8")
    code = ("import sys; from chronica.cli import main\n"
            "try:\n    main(['time', '--json', %r])\nexcept SystemExit: pass\n"
            "bad = [m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc', 'fastapi', 'starlette',"
            " 'jinja2', 'uvicorn', 'sqlalchemy') or m.startswith(('chronica.nlp', 'chronica.web.app',"
            " 'chronica.store', 'chronica.extract', 'chronica.resolve', 'chronica.ingest.pdf',"
            " 'chronica.ingest.image', 'chronica.ingest.docx', 'chronica.ingest.epub'))]\n"
            "print('LOADED', sorted(bad))" % str(p))
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "1921-05-03" in res.stdout
    assert "LOADED []" in res.stdout, res.stdout


def test_plain_text_fast_path_reads_what_the_full_registry_reads(tmp_path):
    """A .txt file is read among the text readers only, with the registry's own choice."""
    from chronica.config import Settings
    from chronica.ingest import read_source
    from chronica.time_cli import read_plain_text
    bodies = {
        "plain.txt": "The mill burned in 1874.\r\nIt was rebuilt two years later.\n",
        "page.txt": "<!DOCTYPE html><html><body><p>The mill burned in <b>1874</b>.</p></body></html>",
        "cues.txt": "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nThe mill burned in 1874.\n",
    }
    for name, body in bodies.items():
        p = tmp_path / name
        p.write_bytes(body.encode("utf-8"))
        fast, full = read_plain_text(p, None), read_source(p, max_bytes=Settings.max_bytes)
        assert fast is not None and (fast.text, fast.format, fast.title) == (full.text, full.format, full.title)
    pdf = tmp_path / "scan.txt"
    pdf.write_bytes(b"%PDF-1.4\n%\xe2\xe3\n")
    assert read_plain_text(pdf, None) is None  # not text: the full registry reports it


def test_program_entry_starts_time_without_the_full_command_group(tmp_path):
    """`chronica time --json` (the console script's entry) loads neither the other commands, nor rich, nor click."""
    import subprocess
    import sys
    p = tmp_path / "t.txt"
    p.write_text("On 3 May 1921 he left.", encoding="utf-8")
    code = ("import sys; from chronica.entry import main\n"
            "sys.argv = ['chronica', 'time', '--json', %r]\n"
            "try:\n    main()\nexcept SystemExit: pass\n"
            "print('LOADED', sorted(m for m in sys.modules if m in ('chronica.cli', 'chronica.cli_export', 'rich', 'click')))"
            % str(p))
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert '"value": "1921-05-03"' in res.stdout and "LOADED []" in res.stdout, res.stdout + res.stderr
    other = subprocess.run([sys.executable, "-c", "import sys; from chronica.entry import main\n"
                            "sys.argv = ['chronica', '--version']\nmain()"], capture_output=True, text=True)
    assert other.returncode == 0 and "chronica, version" in other.stdout


def test_the_json_path_without_click_prints_what_the_click_command_prints(tmp_path, capsys):
    """`chronica time --json` runs without click; help, the table and bad options still go through it."""
    from chronica.time_run import run_json
    p = tmp_path / "t.txt"
    p.write_text("In March 1848 the city rose. Two days later the king fled.", encoding="utf-8")
    for args in (["--json", str(p)], ["--scheme", "timex2", "--anchor=1990-01-01", "--json", str(p)],
                 ["--json", "--genre", "news", "--anchor", "1848-03-20", str(p)]):
        assert run_json(args) == 0
        fast = capsys.readouterr().out
        res = CliRunner().invoke(main, ["time", *args])
        assert res.exit_code == 0 and res.output == fast and "1848-03" in fast
    for args in ([str(p)], ["--json", "--help"], ["--json", "--scheme", "timex9", str(p)],
                 ["--json", "--anchor", "March", str(p)], ["--json", "--verbose", str(p)], ["--json"]):
        assert run_json(args) is None  # left to the click command and its messages
    capsys.readouterr()
    from chronica.errors import InputError
    assert run_json(["--json", str(tmp_path / "missing.txt")]) == InputError.exit_code
    err = capsys.readouterr().err
    assert err.startswith("error:") and "missing.txt: no such file" in err and err.count("\n") == 1
