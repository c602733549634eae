"""The command line: ``grantcalc show``, ``check``, ``render``, ``export``, ``new``, ``schema``,
``followup``, ``diff``, ``rates`` and ``portfolio``.

Exit status: 0 done; 1 ``check`` found an error (or, with ``--strict``, a
warning) or a budget that does not balance, ``followup`` an error finding, ``diff`` a
broken revision rule; 2 a file unreadable or invalid, or a usage error.
Problems are printed to standard error as ``file:line: field: message`` in
Swedish (``--lang en`` for English, or any language of :mod:`grantcalc.catalogue`);
a traceback is never shown for a user's mistake. Set ``GRANTCALC_DEBUG=1`` to see
one for an internal error. The help and argparse's own words are in the catalogue's
default language (Swedish).
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import json
import os
import sys
import unicodedata
from collections.abc import Sequence
from typing import NoReturn

from grantcalc import catalogue
from grantcalc.catalogue import DEFAULT
from grantcalc.errors import GrantcalcError, Problem, SourceError

__all__ = ["main"]

EXIT_OK, EXIT_FINDINGS, EXIT_INVALID = 0, 1, 2


# argparse's own words (what it prints: its usage line, its headings, its error messages), in the
# catalogue's default language: the users of this command read Swedish first. argparse has no public
# hook for its words, so the parser below translates what it prints instead of replacing argparse's
# gettext for the process. argparse's English → the key of its translation in the catalogue:
_ARGPARSE_WORDS = [
    ("usage: ", "argparse.usage"),
    ("positional arguments:", "argparse.positional"),
    ("options:", "argparse.options"),
    ("show this help message and exit", "argparse.help"),
]
_ARGPARSE_ERRORS = [  # argparse's error templates as regular expressions → their translation's key
    (r"the following arguments are required: (?P<a>.*)", "argparse.required"),
    (r"unrecognized arguments: (?P<a>.*)", "argparse.unrecognized"),
    (r"argument (?P<name>[^:]+): invalid choice: (?P<value>.*) \(choose from (?P<choices>.*)\)",
     "argparse.invalid_choice"),
    (r"argument (?P<name>[^:]+): expected one argument", "argparse.expected_one"),
    (r"ambiguous option: (?P<option>\S+) could match (?P<matches>.*)", "argparse.ambiguous"),
    (r"argument (?P<name>[^:]+): (?P<message>.*)", "argparse.argument"),
]


def _translated_help(text: str, lang: str = DEFAULT) -> str:
    for english, key in _ARGPARSE_WORDS:
        text = text.replace(english, catalogue.text(key, lang))
    return text


def _translated_error(message: str, lang: str = DEFAULT) -> str:
    import re

    for pattern, key in _ARGPARSE_ERRORS:
        match = re.fullmatch(pattern, message, re.DOTALL)
        if match:
            return catalogue.text(key, lang).format(**match.groupdict())
    return message


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser that speaks the catalogue's default language (Swedish) in what it prints."""

    def format_usage(self) -> str:
        return _translated_help(super().format_usage())

    def format_help(self) -> str:
        return _translated_help(super().format_help())

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_INVALID, catalogue.text("cli.error", DEFAULT).format(prog=self.prog,
                                                                            message=_translated_error(message)) + "\n")


def _parser(lang: str = DEFAULT) -> argparse.ArgumentParser:
    from grantcalc import __version__

    def say(key: str, **params: str) -> str:
        return catalogue.text(key, lang).format(**params)

    budget, file, langs = say("cli.metavar.budget"), say("cli.metavar.file"), catalogue.LANGS
    lang_help = say("cli.help.lang", default=DEFAULT)
    parser = _Parser(prog="grantcalc", description=say("cli.description"))
    parser.add_argument("--version", action="version", version=f"grantcalc {__version__}",
                        help=say("cli.help.version"))
    sub = parser.add_subparsers(dest="command", metavar=say("cli.metavar.command"), parser_class=_Parser)

    show = sub.add_parser("show", help=say("cli.show.help"), description=say("cli.show.description"))
    show.add_argument("budget", metavar=budget, help=say("cli.help.budget"))
    show.add_argument("--lang", choices=langs, help=lang_help)
    show.add_argument("--by", choices=("line", "category"), default="line", help=say("cli.show.by"))
    show.add_argument("--formulas", action="store_true", help=say("cli.show.formulas"))

    check = sub.add_parser("check", help=say("cli.check.help"), description=say("cli.check.description"))
    check.add_argument("budgets", metavar=budget, nargs="+", help=say("cli.help.budgets"))
    check.add_argument("--format", choices=("text", "json", "github"), help=say("cli.check.format"))
    check.add_argument("--strict", action="store_true", help=say("cli.check.strict"))
    check.add_argument("--lang", choices=langs, help=lang_help)
    check.add_argument("--implied", action="store_true", help=say("cli.check.implied"))

    new = sub.add_parser("new", help=say("cli.new.help"), description=say("cli.new.description"))
    new.add_argument("output", metavar=file, help=say("cli.new.output"))
    new.add_argument("--force", action="store_true", help=say("cli.help.force"))

    render = sub.add_parser("render", help=say("cli.render.help"), description=say("cli.render.description"))
    render.add_argument("budget", metavar=budget, nargs="?", help=say("cli.help.budget"))
    render.add_argument("-o", "--output", metavar=file, help=say("cli.render.output"))
    render.add_argument("-t", "--template", metavar=say("cli.metavar.template"), help=say("cli.render.template"))
    render.add_argument("--lang", choices=langs, help=lang_help)
    render.add_argument("--force", action="store_true", help=say("cli.help.force"))
    render.add_argument("--no-charts", action="store_true", help=say("cli.render.no_charts"))
    render.add_argument("--list-templates", action="store_true", help=say("cli.render.list_templates"))
    render.add_argument("--fields", action="store_true", help=say("cli.render.fields"))

    export = sub.add_parser("export", help=say("cli.export.help"), description=say("cli.export.description"))
    export.add_argument("budget", metavar=budget, help=say("cli.help.budget"))
    export.add_argument("-o", "--output", metavar=file, help=say("cli.export.output"))
    export.add_argument("--lang", choices=langs, help=lang_help)
    export.add_argument("--force", action="store_true", help=say("cli.help.force"))
    export.add_argument("--csv-dialect", choices=("swedish", "machine"), default="swedish",
                        help=say("cli.export.csv_dialect"))

    followup = sub.add_parser("followup", help=say("cli.followup.help"), description=say("cli.followup.description"))
    followup.add_argument("budget", metavar=budget, help=say("cli.help.budget"))
    followup.add_argument("--actuals", metavar=file, help=say("cli.followup.actuals"))
    followup.add_argument("--as-of", metavar=say("cli.metavar.date"), help=say("cli.followup.as_of"))
    followup.add_argument("--format", choices=("text", "json", "github"), help=say("cli.check.format"))
    followup.add_argument("--strict", action="store_true", help=say("cli.check.strict"))
    followup.add_argument("--lang", choices=langs, help=lang_help)

    diff = sub.add_parser("diff", help=say("cli.diff.help"), description=say("cli.diff.description"))
    diff.add_argument("old", metavar=say("cli.metavar.old"), help=say("cli.diff.old"))
    diff.add_argument("new", metavar=say("cli.metavar.new"), nargs="?", help=say("cli.diff.new"))
    diff.add_argument("--rev", metavar=say("cli.metavar.rev"), help=say("cli.diff.rev"))
    diff.add_argument("--format", choices=("text", "json"), default="text", help=say("cli.diff.format"))
    diff.add_argument("--profile", metavar=say("cli.metavar.profile"), help=say("cli.diff.profile"))
    diff.add_argument("--rules", metavar=file, help=say("cli.diff.rules"))
    diff.add_argument("--strict", action="store_true", help=say("cli.check.strict"))
    diff.add_argument("--lang", choices=langs, help=lang_help)

    imports = sub.add_parser("import", help=say("cli.import.help"), description=say("cli.import.description"))
    imports.add_argument("source", metavar=file, help=say("cli.import.source"))
    imports.add_argument("-o", "--output", metavar=budget, help=say("cli.import.output"))
    imports.add_argument("--force", action="store_true", help=say("cli.help.force"))
    imports.add_argument("--lang", choices=langs, help=lang_help)

    rates = sub.add_parser("rates", help=say("cli.rates.help"), description=say("cli.rates.description"))
    rates.add_argument("name", metavar=say("cli.metavar.name"), nargs="?", help=say("cli.rates.name"))
    rates.add_argument("--year", type=int, metavar=say("cli.metavar.year"), help=say("cli.rates.year"))
    rates.add_argument("--rates", metavar=file, help=say("cli.rates.file"))
    rates.add_argument("--format", choices=("text", "json"), default="text", help=say("cli.rates.format"))
    rates.add_argument("--lang", choices=langs, help=lang_help)

    portfolio = sub.add_parser("portfolio", help=say("cli.portfolio.help"),
                               description=say("cli.portfolio.description"))
    portfolio.add_argument("budgets", metavar=budget, nargs="+", help=say("cli.help.budgets"))
    portfolio.add_argument("--frame", metavar=say("cli.metavar.frame"), nargs="+", action="extend", default=[],
                           help=say("cli.portfolio.frame"))
    portfolio.add_argument("--members", metavar=file, help=say("cli.portfolio.members"))
    portfolio.add_argument("--format", choices=("text", "json", "html", "xlsx"), default="text",
                           help=say("cli.portfolio.format"))
    portfolio.add_argument("-o", "--output", metavar=file, help=say("cli.portfolio.output"))
    portfolio.add_argument("--force", action="store_true", help=say("cli.help.force"))
    portfolio.add_argument("--strict", action="store_true", help=say("cli.check.strict"))
    portfolio.add_argument("--lang", choices=langs, help=lang_help)

    schema = sub.add_parser("schema", help=say("cli.schema.help"), description=say("cli.schema.description"))
    schema.add_argument("-o", "--output", metavar=file, help=say("cli.schema.output"))
    schema.add_argument("--force", action="store_true", help=say("cli.help.force"))
    return parser


def _print_problems(problems: Sequence[Problem], lang: str) -> None:
    for problem in problems:
        _emit(problem.format(lang), sys.stderr)


def _emit(text: str, stream=None) -> None:
    """Print ``text`` and a newline. A reader that went away (``grantcalc check … | head -1``)
    is not an error: the rest of the output is dropped and the command still ends with the
    exit status its work gave, so ``set -o pipefail`` sees a failed check fail."""
    stream = sys.stdout if stream is None else stream
    if stream is None or _gone.get(id(stream)):
        return
    try:
        stream.write(text + "\n")
        stream.flush()
    except BrokenPipeError:
        _gone[id(stream)] = True
        with contextlib.suppress(OSError, ValueError):  # later writes, and the flush at exit, go nowhere
            os.dup2(os.open(os.devnull, os.O_WRONLY), stream.fileno())


_gone: dict[int, bool] = {}


def _show(args: argparse.Namespace) -> int:
    from grantcalc.loader import load

    try:
        budget = load(args.budget)
    except GrantcalcError as err:
        _print_problems(err.problems, args.lang or DEFAULT)
        return EXIT_INVALID
    lang = args.lang or budget.language
    _print_problems(budget.warnings, lang)
    _emit(budget.compute().table(lang, by=args.by, formulas=args.formulas))
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    from grantcalc.report.check import json_report

    fmt = args.format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    status = EXIT_OK
    items: list[dict] = []
    texts: list[str] = []
    many = len(args.budgets) > 1
    for name in args.budgets:
        try:
            outcome = _check_one(name, args, fmt)
        except GrantcalcError as err:
            outcome = _unreadable(name, args, fmt, err.problems)
        except (KeyboardInterrupt, MemoryError):
            raise
        except Exception as err:
            if os.environ.get("GRANTCALC_DEBUG"):
                raise
            outcome = _unreadable(name, args, fmt, [_internal(err, _shown(name))])
        file_status, item, text = outcome
        if file_status == EXIT_INVALID or (file_status == EXIT_FINDINGS and status == EXIT_OK):
            status = file_status
        if item is not None:
            items.append(item)
        if text:
            texts.append(f"=== {_shown(name)} ===\n{text}" if many and fmt == "text" else text)
    if fmt == "json":
        _emit(json_report(items))
    elif texts:
        _emit(("\n\n" if fmt == "text" else "\n").join(texts))
    return status


def _shown(name: str) -> str:
    return "<stdin>" if name == "-" else name


def _check_one(name: str, args: argparse.Namespace, fmt: str) -> tuple[int, dict | None, str]:
    """One budget of ``grantcalc check``: its exit status, its JSON item and its text."""
    from grantcalc.loader import load
    from grantcalc.report.check import github_report, summary

    budget = load(name)
    lang = args.lang or budget.language
    result = budget.check(implied=args.implied)
    status = EXIT_OK if result.ok(args.strict) else EXIT_FINDINGS
    if fmt == "json":
        return status, result.to_dict(lang, args.strict), ""
    if fmt == "github":
        return status, None, "\n".join(filter(None, [github_report(result.findings, lang, result.file),
                                                      f"{result.file}: {summary(result, lang)}"]))
    return status, None, result.report(lang)


def _unreadable(name: str, args: argparse.Namespace, fmt: str,
                problems: Sequence[Problem]) -> tuple[int, dict | None, str]:
    """A budget of ``grantcalc check`` that could not be read, reported in the call's format."""
    from grantcalc.check.result import finding_dict
    from grantcalc.report.check import github_report

    lang = args.lang or DEFAULT
    shown = _shown(name)
    if fmt == "json":
        return EXIT_INVALID, {"file": shown, "ok": False, "years": [], "costs": None, "financing": None,
                              "findings": [finding_dict(p, lang) for p in problems]}, ""
    if fmt == "github":
        return EXIT_INVALID, None, github_report(problems, lang, shown)
    _print_problems(problems, lang)
    return EXIT_INVALID, None, ""


def _internal(err: BaseException, file: str | None = None) -> Problem:
    """A bug in grantcalc, told in one line (``GRANTCALC_DEBUG=1`` shows the traceback)."""
    return Problem("internal.error", file=file, params={"error": f"{type(err).__name__}: {err}"[:300]})


def _new(args: argparse.Namespace) -> int:
    from importlib.resources import files

    from grantcalc.write import write_text_atomic

    text = files("grantcalc.templates").joinpath("budget.yaml").read_text(encoding="utf-8")
    try:
        write_text_atomic(args.output, text, force=args.force)
    except GrantcalcError as err:
        _print_problems(err.problems, DEFAULT)
        return EXIT_INVALID
    print(catalogue.text("cli.created", DEFAULT).format(path=args.output), file=sys.stderr)
    return EXIT_OK


def _render(args: argparse.Namespace) -> int:
    from pathlib import Path

    from grantcalc.render import DEFAULT_TEMPLATE, field_listing, render, template_funders, templates

    lang = args.lang or DEFAULT
    if args.list_templates:
        listed, funders = templates(lang), template_funders()
        width = max(map(len, listed))
        default = catalogue.text("cli.default", lang)
        for name, description in listed.items():
            whose = catalogue.text("cli.form_for", lang).format(funder=funders[name]) if name in funders else ""
            _emit(f"{name.ljust(width)}  {description}{whose}{default if name == DEFAULT_TEMPLATE else ''}")
        return EXIT_OK
    if args.fields and args.budget is None:
        _emit(field_listing(lang))
        return EXIT_OK
    if args.budget is None:
        print(catalogue.text("cli.render_needs_budget", lang), file=sys.stderr)
        return EXIT_INVALID
    budget = _load(args.budget, lang)
    if budget is None:
        return EXIT_INVALID
    lang = args.lang or budget.language
    if args.fields:
        _emit(field_listing(lang, budget.compute()))
        return EXIT_OK
    if args.output is None and args.budget == "-":
        _print_problems([Problem("output.needs_name")], lang)
        return EXIT_INVALID
    output = Path(args.budget).with_suffix(".docx").name if args.output is None else args.output
    try:
        result = render(budget, output, template=args.template, lang=lang, force=args.force,
                        charts=not args.no_charts)
    except GrantcalcError as err:
        _print_problems(err.problems, lang)
        return EXIT_INVALID
    _print_problems(result.notes, lang)
    print(catalogue.text("cli.wrote_document", lang).format(path=result.path, template=result.template),
          file=sys.stderr)
    return EXIT_OK


def _load(path: str, lang: str):
    """The budget in ``path``, or None after printing why it cannot be read."""
    from grantcalc.loader import load

    try:
        return load(path)
    except GrantcalcError as err:
        _print_problems(err.problems, lang)
        return None


def _export(args: argparse.Namespace) -> int:
    from pathlib import Path

    from grantcalc.report.excel import FORMATS, export

    lang = args.lang or DEFAULT
    if args.output is None and args.budget == "-":
        _print_problems([Problem("export.needs_name")], lang)
        return EXIT_INVALID
    if args.output and Path(args.output).suffix.lower() not in FORMATS:  # before reading the budget
        _print_problems([Problem("export.format", params={"path": args.output})], lang)
        return EXIT_INVALID
    budget = _load(args.budget, lang)
    if budget is None:
        return EXIT_INVALID
    lang = args.lang or budget.language
    _print_problems(budget.warnings, lang)
    output = Path(args.budget).with_suffix(".xlsx").name if args.output is None else args.output
    try:
        path = export(budget, output, lang=lang, force=args.force, csv_dialect=args.csv_dialect)
    except GrantcalcError as err:
        _print_problems(err.problems, lang)
        return EXIT_INVALID
    print(catalogue.text("cli.wrote", lang).format(path=path), file=sys.stderr)
    return EXIT_OK


def _followup(args: argparse.Namespace) -> int:
    """``grantcalc followup``: the outcome against the budget; exit 1 on an error finding."""
    from datetime import date

    from grantcalc.followup import follow_up
    from grantcalc.followup.report import followup_github, followup_json

    fmt = args.format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    lang = args.lang or DEFAULT
    try:
        as_of = date.fromisoformat(args.as_of.strip()) if args.as_of else None
    except ValueError:
        return _followup_failed(args, fmt, lang, [Problem("followup.as_of", params={"value": args.as_of})])
    try:
        from grantcalc.loader import load

        budget = load(args.budget)
        lang = args.lang or budget.language
        result = follow_up(budget.compute(), args.actuals, as_of=as_of)
    except GrantcalcError as err:
        return _followup_failed(args, fmt, lang, err.problems)
    _print_problems(budget.warnings, lang)
    if fmt == "json":
        _emit(followup_json(result, lang))
    elif fmt == "github":
        _emit(followup_github(result, lang))
    else:
        _emit(result.report(lang))
    return EXIT_OK if result.ok(args.strict) else EXIT_FINDINGS


def _followup_failed(args: argparse.Namespace, fmt: str, lang: str, problems: Sequence[Problem]) -> int:
    """A follow-up whose budget or outcome cannot be read, reported in the call's format; exit 2."""
    from grantcalc.check.result import finding_dict
    from grantcalc.report.check import github_report

    if fmt == "json":
        _emit(json.dumps({"file": _shown(args.budget), "as_of": None, "actuals": args.actuals, "ok": False,
                          "years": [], "lines": [], "totals": None, "forecast": None,
                          "findings": [finding_dict(p, lang) for p in problems]}, ensure_ascii=False, indent=2))
    elif fmt == "github":
        _emit(github_report(problems, lang, _shown(args.budget)))
    else:
        _print_problems(problems, lang)
    return EXIT_INVALID


def _import(args: argparse.Namespace) -> int:
    """``grantcalc import FILE``: the budget file beside it (or ``-o``), the report on the terminal."""
    from pathlib import Path

    from grantcalc.importer import read_application
    from grantcalc.write import check_output, write_text_atomic

    lang = args.lang or DEFAULT
    output = args.output
    if output is None:
        output = "-" if args.source == "-" else str(Path(args.source).with_suffix(".yaml"))
    try:
        if output != "-" and args.source != "-" and os.path.realpath(output) == os.path.realpath(args.source):
            raise SourceError(Problem("import.output_is_source", file=output))  # never over the application
        if output != "-":
            check_output(output, force=args.force)  # before the work: an existing file is refused at once
        imported = read_application(args.source, name=None if output == "-" else output)
        report = sys.stderr if output == "-" else sys.stdout
        if output == "-":
            _emit(imported.yaml.rstrip("\n"))
        else:
            write_text_atomic(output, imported.yaml, force=args.force)
        _emit(imported.report(lang), report)
        if output != "-":
            _emit(catalogue.text("cli.import.written", lang).format(path=output), report)
    except GrantcalcError as err:
        _print_problems(err.problems, lang)
        return EXIT_INVALID
    return EXIT_OK


def _diff(args: argparse.Namespace) -> int:
    """``grantcalc diff OLD NEW`` or ``grantcalc diff BUDGET --rev REV``: exit 1 when a rule is broken."""
    from grantcalc.followup import diff
    from grantcalc.followup.diff_report import diff_json

    lang = args.lang or DEFAULT
    if args.rev is not None and args.new is not None:
        _print_problems([Problem("diff.rev_and_two")], lang)
        return EXIT_INVALID
    if args.rev is None and args.new is None:
        _print_problems([Problem("diff.needs_two")], lang)
        return EXIT_INVALID
    try:
        from grantcalc.loader import load

        if args.rev is not None:
            old, new = _revision(args.old, args.rev), load(args.old)
        else:
            old, new = load(args.old), load(args.new)
        profiles = None
        if args.rules is not None:
            from grantcalc.followup.rules import read_profiles

            profiles = read_profiles(args.rules)
        lang = args.lang or new.language
        result = diff(old, new, profile=args.profile, profiles=profiles)
    except GrantcalcError as err:
        _print_problems(err.problems, lang)
        return EXIT_INVALID
    _emit(diff_json(result, lang) if args.format == "json" else result.report(lang))
    return EXIT_OK if result.ok(args.strict) else EXIT_FINDINGS


def _revision(path: str, rev: str):
    """The budget in ``path`` as git revision ``rev`` has it, named ``path@rev`` in its messages."""
    from pathlib import Path

    from grantcalc.followup.git import git_show
    from grantcalc.loader import from_source
    from grantcalc.loader.source import FORMATS, parse_source

    if path == "-":
        raise GrantcalcError(Problem("diff.rev_stdin"))
    raw = git_show(path, rev)
    return from_source(parse_source(raw, f"{path}@{rev}", FORMATS.get(Path(path).suffix.lower(), "yaml")))


def _rates(args: argparse.Namespace) -> int:
    """``grantcalc rates [NAME] [--year Y]``: the rates with their sources and dates (and those not
    shipped); ``--rates FILE`` with a rate file of your own laid over them."""
    from grantcalc import rates
    from grantcalc.rates.listing import listing, listing_json

    lang = args.lang or DEFAULT
    try:
        table = rates.read_table(args.rates) if args.rates else rates.shipped()
    except GrantcalcError as err:
        _print_problems(err.problems, lang)
        return EXIT_INVALID
    if args.name is not None and args.name not in table:
        _print_problems([Problem("rates.no_such", params={
            "name": args.name, "did_you_mean": rates.suggest(args.name, table.names()),
            "known": ", ".join(table.names())})], lang)
        return EXIT_INVALID
    show = listing_json if args.format == "json" else listing
    _emit(show(table, lang, args.name, args.year))
    return EXIT_OK


def _portfolio(args: argparse.Namespace) -> int:
    """``grantcalc portfolio BUDGET… [--frame YEAR=AMOUNT…] [--members FILE]``: every insats per year
    against the förbund's frame; exit 1 when an insats has an error finding or a year is over the frame,
    2 when a file cannot be read."""
    from pathlib import Path

    from grantcalc.portfolio import parse_frame, portfolio, read_members
    from grantcalc.portfolio.output import text, to_html, to_json, write_xlsx

    lang = args.lang or DEFAULT
    try:
        frame = parse_frame(args.frame)
        if args.format == "xlsx" and not args.output:
            raise GrantcalcError(Problem("portfolio.needs_output"))
        if args.output:
            from grantcalc.write import check_output

            check_output(args.output, force=args.force)
        members = read_members(args.members) if args.members else None
        result = portfolio(args.budgets, frame, members, strict=args.strict)
    except GrantcalcError as err:
        _print_problems(err.problems, lang)
        return EXIT_INVALID
    status = EXIT_OK if result.ok(args.strict) else EXIT_FINDINGS
    if any(not i.readable for i in result.insatser):
        status = EXIT_INVALID
    if args.format == "xlsx":
        content: str | None = None
    else:
        content = {"text": text, "json": lambda p, lang: to_json(p, lang, args.strict), "html": to_html}[
            args.format](result, lang)
    if not args.output:
        assert content is not None
        _emit(content)
        return status
    try:
        from grantcalc.write import write_atomic

        if content is None:
            path = write_atomic(args.output, lambda tmp: write_xlsx(result, Path(tmp), lang), force=args.force)
        else:
            shown = content if content.endswith("\n") else content + "\n"
            path = write_atomic(args.output, lambda tmp: Path(tmp).write_text(shown, encoding="utf-8"),
                                force=args.force)
    except GrantcalcError as err:
        _print_problems(err.problems, lang)
        return EXIT_INVALID
    print(catalogue.text("cli.wrote", lang).format(path=path), file=sys.stderr)
    return status


def _schema(args: argparse.Namespace) -> int:
    from grantcalc.schema import budget_schema
    from grantcalc.write import write_text_atomic

    text = json.dumps(budget_schema(), indent=2, ensure_ascii=False) + "\n"
    if args.output is not None:
        try:
            write_text_atomic(args.output, text, force=args.force)
        except GrantcalcError as err:
            _print_problems(err.problems, DEFAULT)
            return EXIT_INVALID
    else:
        _emit(text.removesuffix("\n"))
    return EXIT_OK


_TRANSLITERATION = str.maketrans({
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ",  # no-break and thin spaces in numbers
    "\u2212": "-", "\u2013": "-", "\u2014": "-", "\u2010": "-", "\u2011": "-",  # minus and dashes
    "\u2500": "-", "\u2502": "|", "\u2192": "->", "\u2190": "<-", "\u2265": ">=", "\u2264": "<=",
    "\u00d7": "x", "\u2026": "...", "\u201d": '"', "\u201c": '"', "\u201e": '"', "\u2019": "'",
    "\u2018": "'", "\u00b7": "-", "\u2260": "!=", "\u00e6": "ae", "\u00c6": "AE", "\u00f8": "o",
    "\u00d8": "O", "\u00df": "ss", "\u2588": "#", "\u258c": "+", "\u25b6": ">", "\u221e": "oo",
})


def _plain(error: UnicodeError) -> tuple[str, int]:
    """The codec error handler ``grantcalc-plain``: what a terminal cannot show is written
    as its nearest plain form (``månader`` → ``manader``, ``1 111 403`` with a plain space,
    ``−`` → ``-``, ``─`` → ``-``), and only what has none as ``\\uXXXX``."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    out = []
    for char in error.object[error.start:error.end]:
        plain = char.translate(_TRANSLITERATION)
        if plain == char:
            plain = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
        try:
            plain.encode(error.encoding)
        except (UnicodeEncodeError, LookupError):
            plain = char.encode("ascii", "backslashreplace").decode("ascii")
        out.append(plain)
    return "".join(out), error.end


codecs.register_error("grantcalc-plain", _plain)


def _tolerant_streams() -> None:
    """On a terminal or pipe that is not UTF-8 (``LC_ALL=C``, ``PYTHONIOENCODING=latin-1``,
    cp1252), print every message readably instead of failing on "─" or showing "?" for "å"."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            with contextlib.suppress(ValueError, OSError):
                stream.reconfigure(errors="grantcalc-plain")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); returns the exit status."""
    from grantcalc.gcpause import paused

    _tolerant_streams()
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_INVALID
    try:
        commands = {"show": _show, "check": _check, "new": _new, "render": _render, "export": _export,
                    "schema": _schema, "followup": _followup, "diff": _diff, "rates": _rates,
                    "portfolio": _portfolio, "import": _import}
        with paused():  # a command keeps nearly everything it builds: no cyclic collection meanwhile
            return commands[args.command](args)
    except BrokenPipeError:  # a write outside _emit: nothing more can be said, and nothing is wrong
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt as err:
        # write.Interrupted (a KeyboardInterrupt with the signal's number): SIGTERM or SIGHUP while a
        # file was written, and its temporary file is gone; told by the attribute, so that a command
        # that writes nothing does not import grantcalc.write (tempfile, hashlib…) to start
        signum = getattr(err, "signum", None)
        if isinstance(signum, int):
            _print_problems([Problem("output.interrupted", params={"signal": signum})], DEFAULT)
            return 128 + signum
        return 130
    except Exception as err:
        if os.environ.get("GRANTCALC_DEBUG"):
            raise
        _print_problems([_internal(err)], DEFAULT)
        return EXIT_INVALID


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
