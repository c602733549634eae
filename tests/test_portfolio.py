"""``grantcalc portfolio``: a förbund's insatser per calendar year against its frame, the members'
contributions, each insats's findings; text, JSON, HTML and an Excel workbook."""

from __future__ import annotations

import json
import re
from decimal import Decimal

import pytest

from grantcalc.errors import GrantcalcError
from grantcalc.portfolio import parse_frame, portfolio, read_members

from .conftest import EXAMPLES, ROOT
from .helpers import cli, leftovers

NB = "\u00a0"
FILES = [EXAMPLES / f"{name}.yaml" for name in
         ("ljusdal-hallbart-arbetsliv", "oka-innanforskapet", "gemensam-kraft", "esf-plus", "arvsfonden")]
MEMBERS = ROOT / "tests" / "examples" / "portfolio" / "members.yaml"
FRAME = ["2024=7000000", "2025=8000000", "2026=5000000"]
# what each insats applies for, per calendar year, as its own budget says
APPLIED = {
    "ljusdal-hallbart-arbetsliv": {2022: 1111403, 2023: 1085966, 2024: 282839},
    "oka-innanforskapet": {2024: 576968, 2025: 1857152, 2026: 1915088, 2027: 1477212},
    "gemensam-kraft": {2023: 5107500, 2024: 5988000, 2025: 5938000, 2026: 1554500},
    "esf-plus": {2027: 1210410, 2028: 1210410, 2029: 1210410},
    "arvsfonden": {2027: 997761, 2028: 1024184, 2029: 1111400},
}
YEARS = list(range(2022, 2030))


def amount(n: int) -> str:
    return f"{n:,}".replace(",", NB)


def cells(line: str) -> list[str]:
    """The columns of a text table's row (separated by two spaces or more)."""
    return re.split(r" {2,}", line.strip())


def test_the_per_year_table_adds_up_to_the_sum_of_the_insatser(capsys):
    status, out, err = cli(capsys, "portfolio", *FILES, "--frame", *FRAME)
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "Portfölj: 5 insatser · per kalenderår · belopp i kr"
    totals = {y: sum(a.get(y, 0) for a in APPLIED.values()) for y in YEARS}
    assert totals == {2022: 1111403, 2023: 6193466, 2024: 6847807, 2025: 7795152, 2026: 3469588, 2027: 3685383,
                      2028: 2234594, 2029: 2321810}
    summa = next(line for line in lines if line.startswith("Summa"))
    assert cells(summa) == ["Summa", *[amount(totals[y]) for y in YEARS], amount(33659203)]
    assert sum(totals.values()) == 33659203 == 2480208 + 5826420 + 18588000 + 3631230 + 3133345
    ram = next(line for line in lines if line.startswith("Ram"))
    assert cells(ram) == ["Ram", amount(7000000), amount(8000000), amount(5000000), amount(20000000)]
    kvar = next(line for line in lines if line.startswith("Kvar"))
    assert cells(kvar) == ["Kvar", amount(152193), amount(204848), amount(1530412), amount(1887453)]
    ljusdal = next(line for line in lines if line.startswith("Ett hållbart arbetsliv i Ljusdal"))
    assert cells(ljusdal)[1:] == [amount(1111403), amount(1085966), amount(282839), "0", "0", "0", "0", "0",
                                  amount(2480208)]
    assert "Öka innanförskapet – fler i arbete (examples/oka-innanforskapet.yaml): fel 0, varningar 6, info 0: " \
           "period.months, raise.salary, rate.conversion, stated.formula" in out.replace(str(ROOT) + "/", "")


def test_the_json_has_the_issues_shape_and_adds_up(capsys):
    status, out, _ = cli(capsys, "portfolio", *FILES, "--frame", *FRAME, "--members", MEMBERS, "--format", "json")
    assert status == 0
    data = json.loads(out)
    assert list(data) == ["years", "insatser", "total", "frame", "left", "members", "findings", "ok"]
    assert data["years"] == [str(y) for y in YEARS]
    for insats, (name, applied) in zip(data["insatser"], APPLIED.items()):
        assert insats["file"].endswith(f"{name}.yaml")
        assert set(insats) >= {"file", "name", "applied", "cost", "participants"}
        assert insats["applied"] == {**{str(y): str(applied.get(y, 0)) for y in YEARS},
                                     "total": str(sum(applied.values()))}
    for year in data["years"]:  # the total is the sum of the insatser, year by year
        assert Decimal(data["total"][year]) == sum(Decimal(i["applied"][year]) for i in data["insatser"])
    assert data["total"]["total"] == "33659203"
    assert data["frame"] == {"2024": "7000000", "2025": "8000000", "2026": "5000000", "total": "20000000"}
    assert data["left"] == {"2024": "152193", "2025": "204848", "2026": "1530412", "total": "1887453"}
    esf = data["insatser"][3]
    assert esf["cost"]["total"] == "6724500" and esf["cofinancing"]["total"] == "3093270"
    assert esf["participants"] == {"2027": 30, "2028": 40, "2029": 30, "total": 90}
    assert esf["profile"] == "esf-plus" and esf["funder"] == "Svenska ESF-rådet"
    assert data["insatser"][0]["findings"] == {"error": 0, "warning": 1, "info": 0}
    assert [f["code"] for f in data["findings"]] == [
        "plan.costs", "period.months", "raise.salary", "raise.salary", "rate.conversion", "rate.conversion",
        "stated.formula"]


def test_the_members_share_the_frame_exactly(capsys):
    status, out, _ = cli(capsys, "portfolio", *FILES[:2], "--frame", "2024=1000000,2025=2000000", "--members",
                         MEMBERS, "--format", "json")
    assert status == 0
    data = json.loads(out)
    members = {m["name"]: (m["share"][:8], m["amounts"]) for m in data["members"]}
    assert members["Staten (Försäkringskassan och Arbetsförmedlingen)"] == (
        "0.5", {"2024": "500000", "2025": "1000000", "total": "1500000"})
    assert members["Region Exempel"] == ("0.25", {"2024": "250000", "2025": "500000", "total": "750000"})
    # the kommuner's 25 % by population 19 000 : 26 000 : 10 000, the remainders to the largest fractions
    assert members["Norrby kommun"][1] == {"2024": "86364", "2025": "172727", "total": "259091"}
    assert members["Söderby kommun"][1] == {"2024": "118182", "2025": "236364", "total": "354546"}
    assert members["Västerby kommun"][1] == {"2024": "45454", "2025": "90909", "total": "136363"}
    for year in ("2024", "2025"):
        assert sum(Decimal(m["amounts"][year]) for m in data["members"]) == Decimal(data["frame"][year])
    assert {m["basis"] for m in data["members"]} == {"frame"}


def test_without_a_frame_the_members_share_what_is_applied_for():
    result = portfolio(FILES[:1], members=read_members(MEMBERS))
    assert result.basis == "applied"
    # 555 701,5 : 277 850,75 : 95 984,80 : 131 347,63 : 50 518,32; the 3 kronor left to the largest fractions
    assert [m.amounts[2022] for m in result.members] == [Decimal(555701), Decimal(277851), Decimal(95985),
                                                          Decimal(131348), Decimal(50518)]
    assert sum(m.amounts[2022] for m in result.members) == Decimal(1111403)


def test_the_years_run_without_gaps():
    assert portfolio([FILES[0], FILES[3]]).years == list(range(2022, 2030))


def test_a_year_over_the_frame_is_an_error(capsys):
    status, out, _ = cli(capsys, "portfolio", *FILES, "--frame", "2024=5000000")
    assert status == 1
    assert (f"2024: insatserna söker 6{NB}847{NB}807{NB}kr, mer än ramen 5{NB}000{NB}000{NB}kr "
            f"(−1{NB}847{NB}807{NB}kr)") in out


def test_project_years_not_starting_in_january_are_counted_in_the_year_they_start(tmp_path):
    path = tmp_path / "b.yaml"
    path.write_text("project: {name: Projektår, funder: Samordningsförbund X}\n"
                    "period: {start: 2025-07-01, end: 2027-06-30, budget_years: project}\n"
                    "lines: [{name: A, kind: recurring, category: other, amount: 1000, per: month}]\n",
                    encoding="utf-8")
    result = portfolio([path])
    [insats] = result.insatser
    assert insats.applied == {2025: Decimal(12000), 2026: Decimal(12000)}
    assert [(p.code, str(p.severity)) for p in insats.findings] == [("portfolio.year_moved", "info")]
    assert insats.findings[0].message() == (
        "Projektår budgeteras per projektår: varje budgetårs belopp räknas till det kalenderår budgetåret börjar i")


def test_an_unreadable_insats_is_reported_and_the_others_still_shown(capsys, tmp_path):
    status, out, _ = cli(capsys, "portfolio", FILES[0], tmp_path / "finns-inte.yaml", "--format", "json")
    assert status == 2
    data = json.loads(out)
    assert [i["ok"] for i in data["insatser"]] == [True, False]
    assert data["insatser"][1]["applied"] is None
    assert data["total"]["total"] == "2480208"
    assert any(f["code"] == "file.missing" for f in data["findings"])


@pytest.mark.parametrize(("args", "message"), [
    (["--frame", "2024:100"], "--frame '2024:100': skriv ÅR=BELOPP, t.ex. 2025=4000000"),
    (["--format", "xlsx"], "xlsx skrivs till en fil: ange -o, t.ex. -o portfolj.xlsx"),
])
def test_usage_mistakes_are_messages(capsys, args, message):
    status, out, err = cli(capsys, "portfolio", FILES[0], *args)
    assert (status, out) == (2, "") and message in err


def test_members_shares_must_add_up_to_the_whole(tmp_path):
    members = tmp_path / "m.yaml"
    members.write_text(MEMBERS.read_text(encoding="utf-8") + "shares: {state: 50 %, region: 30 %}\n", encoding="utf-8")
    with pytest.raises(GrantcalcError) as info:
        portfolio(FILES[:1], members=read_members(members))
    assert [p.code for p in info.value.problems] == ["portfolio.members_shares"]


def test_a_kommun_without_its_key_is_located(tmp_path):
    members = tmp_path / "m.yaml"
    members.write_text(MEMBERS.read_text(encoding="utf-8").replace("population: 10000", "invånare: 10000"),
                       encoding="utf-8")
    with pytest.raises(GrantcalcError) as info:
        read_members(members)
    [problem] = info.value.problems
    assert (problem.code, problem.file, problem.message()) == (
        "invalid.members_key", str(members), "Västerby kommun: saknar population (ett tal större än 0)")


def test_frames_are_read_exactly():
    assert parse_frame(["2024=4 000 000,2025=4100000.50"]) == {2024: Decimal(4000000), 2025: Decimal("4100000.50")}


def test_html_is_a_page_of_its_own_with_every_text_escaped(capsys, tmp_path):
    out_file = tmp_path / "portfolj.html"
    status, _, err = cli(capsys, "portfolio", *FILES[:2], "--frame", "2024=1000000", "--format", "html", "-o",
                         out_file)
    assert status == 0 and err.strip() == f"Skrev {out_file}"
    page = out_file.read_text(encoding="utf-8")
    assert page.startswith('<!DOCTYPE html>\n<html lang="sv-SE">')
    assert f'<tr class="sum"><td class="">Summa</td><td class="n">1{NB}111{NB}403</td>' in page
    assert "Öka innanförskapet – fler i arbete" in page and "<script" not in page
    status, _, err = cli(capsys, "portfolio", *FILES[:2], "--format", "html", "-o", out_file)
    assert status == 2 and "finns redan" in err and leftovers(tmp_path) == []


def test_the_workbook_holds_exact_numbers(capsys, tmp_path):
    from openpyxl import load_workbook

    out_file = tmp_path / "portfolj.xlsx"
    status, _, _ = cli(capsys, "portfolio", *FILES, "--frame", *FRAME, "--members", MEMBERS, "--format", "xlsx",
                       "-o", out_file)
    assert status == 0
    book = load_workbook(out_file)
    assert book.sheetnames == ["Portfölj", "Medlemmar", "Iakttagelser"]
    rows = list(book["Portfölj"].iter_rows(values_only=True))
    summa = next(r for r in rows if r[0] == "Summa")
    assert list(summa[1:10]) == [1111403, 6193466, 6847807, 7795152, 3469588, 3685383, 2234594, 2321810, 33659203]
    members = list(book["Medlemmar"].iter_rows(values_only=True))
    assert members[3][:4] == ("Staten (Försäkringskassan och Arbetsförmedlingen)", "staten", 0.5, 3500000)
    assert leftovers(tmp_path) == []


def test_english(capsys):
    status, out, _ = cli(capsys, "portfolio", FILES[0], "--lang", "en")
    assert status == 0
    assert out.splitlines()[0] == "Portfolio: 1 projects · per calendar year · amounts in SEK"
    assert "Sum" in out and "errors 0, warnings 1, info 0: plan.costs" in out


def test_files_are_shown_as_given(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    status, out, _ = cli(capsys, "portfolio", "examples/gemensam-kraft.yaml")
    assert status == 0 and "Gemensam kraft Skåne Nordost (examples/gemensam-kraft.yaml): fel 0, varningar 0, info 0" \
        in out
