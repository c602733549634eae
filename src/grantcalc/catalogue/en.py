"""English: every text grantcalc shows a user, by key (see :mod:`grantcalc.catalogue`).

The same keys and {placeholders} as ``sv.py``; to add a language, copy this file to
``<code>.py``, set LOCALE and NAME, and translate the texts.
"""

LOCALE = "en_GB"
NAME = "English"

TEXTS: dict[str, str] = {
    # --- reading files
    "file.missing": "file not found",
    "file.unreadable": "cannot read the file: {reason}",
    "file.is_directory": "is a directory, not a file",
    "file.not_regular": "is {kind}, not a regular file: name a file",
    "file.empty": "the file is empty: write a budget (see examples/)",
    "file.encoding": "the file is not saved as UTF-8 (a character on the line cannot be read); save it as UTF-8",
    "file.format": "unknown file format {suffix!r}: use .yaml, .yml, .toml or .json",
    "file.too_large": "the file is too large ({size} bytes; at most {limit})",
    "file.too_many_values": "the file grows too large once its aliases (*name) are expanded: more than {limit} values",
    # --- why a file could not be read or written (an OSError's errno), the {reason} of file.unreadable
    "oserror.EACCES": "permission denied (you may not read or write here)",
    "oserror.EPERM": "operation not permitted",
    "oserror.ENAMETOOLONG": "the file name is too long",
    "oserror.ENOTDIR": "a part of the path is not a folder",
    "oserror.ELOOP": "the path has too many symbolic links (a link that points to itself?)",
    "oserror.EISDIR": "is a folder, not a file",
    "oserror.ENOSPC": "the disk is full",
    "oserror.EDQUOT": "the disk quota is used up",
    "oserror.EROFS": "the file system is read-only",
    "oserror.ENOENT": "does not exist",
    "oserror.EEXIST": "exists already",
    "oserror.EIO": "input/output error on the disk",
    "oserror.EBADF": "the stream is closed",
    "oserror.ENXIO": "no device or reader at the other end",
    "oserror.ETXTBSY": "the file is in use by another program",
    "oserror.EMFILE": "too many open files",
    "oserror.EINVAL": "invalid file name",
    "syntax.yaml": "YAML syntax error: {reason}",
    "syntax.json": "JSON syntax error: {reason}",
    "syntax.toml": "TOML syntax error: {reason}",
    "syntax.character": (
        "the file holds the character {character}, which a budget file may not contain (a control character or a "
        "broken one); remove it, or save the file as UTF-8 text"),
    "syntax.complex_key": (
        "a key is a list or a mapping (a \"?\" at the start of the line?); a key in a budget is a name followed by "
        "a colon, e.g. name: Resor"),
    "syntax.duplicate_key": "the key {key!r} occurs twice",
    "syntax.tag": "the YAML tag {tag} is not allowed in a budget",
    "syntax.not_mapping": "a budget must be a mapping with the keys project, period and lines",
    "syntax.key_type": "the key {key!r} must be text",
    "syntax.too_deep": "lists and keys are nested more than {limit} levels deep from here, too deep for a budget",
    "output.exists": "{path} exists already: choose another name or add --force to overwrite it",
    "output.no_folder": "the folder {folder} does not exist",
    "output.suffix": "{path}: a Word document must end in .docx, e.g. application.docx",
    "output.needs_name": "name the output file with -o, e.g. -o application.docx",
    "output.unwritable": "cannot write {path}: {reason}",
    "internal.error": (
        "internal error ({error}). This is a bug in grantcalc; run with GRANTCALC_DEBUG=1 for details and report it"),
    "output.empty_name": "the output file's name is empty: give a file name, e.g. -o application.docx",
    "output.not_a_file_name": "{path} ends in / and is not a file name: name the file, e.g. {path}application.docx",
    "output.interrupted": "interrupted (signal {signal}) before the file was written; no file was changed",
    # --- exporting Excel workbooks and CSV
    "export.format": "{path}: the suffix chooses the format, .xlsx (Excel workbook) or .csv, e.g. -o budget.xlsx",
    "export.excel_suffix": "{path}: an Excel workbook must end in .xlsx, e.g. budget.xlsx",
    "export.needs_name": "name the output file with -o, e.g. -o budget.xlsx or -o budget.csv",
    # --- rendering Word documents
    "render.template_unknown": "unknown template {name!r}: choose one of {names} or give a .docx file of your own",
    "render.template_format": (
        "a template must be a Word document (.docx) or a form description (.yaml), not {suffix}; save a Word "
        "template (.dotx) or .docm as .docx first"),
    "render.template_invalid": (
        "the template is not a readable Word document ({reason}); save it as .docx in Word or LibreOffice and try "
        "again"),
    "render.template_macros": (
        "the template is a macro-enabled Word document (.docm, or with macros inside); grantcalc neither runs nor "
        "carries macros: save the template as a plain Word document (.docx) in Word (File › Save As › Word "
        "Document) and try again"),
    "render.template_unpacked": (
        "the template unpacks to {size} bytes (at most {limit}): it is not an ordinary Word document; save it as "
        ".docx in Word or LibreOffice and try again"),
    "render.template_parts": (
        "the template has {count} parts (at most {limit}): it is not an ordinary Word document; save it as .docx in "
        "Word or LibreOffice and try again"),
    "render.template_doctype": (
        "the template's part {part} has a document type declaration (<!DOCTYPE …>), which Word never writes and "
        "which can be used to read other files; grantcalc does not read such a template: save it as .docx in Word "
        "or LibreOffice and try again"),
    "render.template_syntax": (
        "error in the template's field codes: {reason}, near “{context}”; fields are written {{{{ project.name }}}} "
        "and rows {{%tr for row in costs.rows %}}"),
    "render.unknown_field": (
        "the template uses {field}, which does not exist. The fields {where}: {known}. grantcalc render --fields "
        "lists every field"),
    "render.not_a_group": "the template uses {field}, but {parent} is {kind} and has no fields{advice}",
    "render.index": (
        "the template uses element {index} of a list of {count} (counted from 0); rather loop over the list with "
        "{{%tr for row in … %}}"),
    "render.template_error": "the template could not be filled in: {reason}",
    "render.template_unsafe": (
        "the template tries to reach something outside the fields grantcalc gives it ({what}){where}; a template "
        "may only use the fields grantcalc render --fields lists"),
    "render.template_limit": "the template computes too much: {what} (at most {limit}){where}; simplify the template",
    "render.template_nesting": "the template's field codes are nested too deep{where}; simplify the template",
    # the {what}, {limit} and {where} of render.template_limit and render.template_unsafe
    "render.limit.range": "range(…) with {n} numbers",
    "render.limit.text": "a text of {n} characters",
    "render.limit.list": "a list of {n} items",
    "render.limit.exponent": "the exponent {n} of a power (**)",
    "render.limit.power": "the power {n}",
    "render.limit.number": "a number of {n} digits",
    "render.limit.overflow": "the number {n} grows too large",
    "render.limit.output": "the filled-in document grows too large",
    "render.limit.time": "filling it in takes too long",
    "render.limit.operations": "too many steps (look-ups, calls, operators, filters, output and loop rounds)",
    "render.limit.depth": "macros calling macros too deep",
    "render.limit.at_least": "at least 10^{n}",
    "render.limit.xml": "{n} characters of XML",
    "render.limit.seconds": "{n} seconds",
    "render.limit.near": ", near “{context}”",
    "render.unsafe.what": "{name} of {kind}",
    "chart.unavailable": "charts need matplotlib: install it with {install}",
    # --- scenarios and goal seek
    "scenario.parameter_unknown": (
        "{name!r} is not a parameter of the budget{hint}: write the line's name and the field, e.g. "
        "\"EVI-coacher.fte\" or \"Resor.amount\" (the lines: {known})"),
    "scenario.field_unknown": "{name!r}: {field!r} is not a field here{hint}; the fields: {known}",
    "scenario.item_unknown": "{name!r}: {item!r} does not exist{hint}; choose from {known}",
    "scenario.parameter_path": (
        "{name!r} does not point at a value of the budget: write e.g. \"EVI-coacher.fte\" or "
        "\"EVI-coacher.by_year.2025.fte\""),
    "scenario.parameter_type": "a parameter is written as text, e.g. \"EVI-coacher.fte\", not {value}",
    "scenario.parameter_nowhere": "no line has {name!r}",
    "scenario.parameter_unset": (
        "{name!r}: the line has no {part}; give the whole part, e.g. {{\"{part}\": {{\"rate\": \"3 %\"}}}} with "
        "with_values"),
    "scenario.parameter_year": "{name!r}: {part!r} is not a budget year (write e.g. by_year.2025.fte)",
    "scenario.value_invalid": "{setting} does not make a valid budget: {reason}",
    "scenario.value_year": "{setting}: {year} is not a budget year of the period",
    "scenario.no_parameters": "give at least one parameter and its values, e.g. {{\"EVI-coacher.fte\": [1, 1.5, 2]}}",
    "scenario.no_values": "{name!r} has no values to try",
    "scenario.lengths": "with grid=False the lists must be as long as each other ({lengths})",
    "seek.cap_or_target": "give either cap (a ceiling) or target, not both and not neither",
    "seek.step": "{name}: the step must be greater than 0",
    "seek.low_invalid": "{name}: the lowest value {low} cannot be used; give lo",
    "seek.high_invalid": "{name}: the highest value {high} cannot be used or lies below the lowest; give another hi",
    "seek.no_solution": "no value of {name} stays within the cap {cap}: {value} gives {amount} already",
    "seek.each_target": "year=\"each\" works with a cap only, not with a target",
    "seek.year": "{year} is not a budget year; choose from {years} or \"each\"",
    "seek.metric": "{metric!r} is not a funder{hint}; choose \"total\", \"cash\", \"applied\" or a funder: {known}",
    "seek.callable_year": "a function as the metric chooses its own year; do not give year",
    "render.chart_missing": (
        "the template shows the chart {field}, but charts need matplotlib: install it with {install}"),
    "render.charts_left_out": (
        "the document was written without charts because matplotlib is missing; install it with {install}"),
    "render.form_invalid": "the form description is invalid: {reason}",
    "render.unbalanced": (
        "costs ({costs}) and financing ({financing}) do not balance; the document shows them as they are: run "
        "grantcalc check for details"),
    "text.bidi_control": (
        "contains an invisible writing-direction character ({char}) that makes the text show in another order than "
        "it is written; remove it"),
    "text.control_character": "contains a control character ({char}) that cannot appear in a document; remove it",
    # --- values (pydantic error types and our own)
    "invalid.missing": "is missing",
    "invalid.extra_forbidden": "unknown key{hint}",
    "invalid.greater_than": "must be greater than {gt}",
    "invalid.greater_than_equal": "must be at least {ge}",
    "invalid.less_than": "must be less than {lt}",
    "invalid.less_than_equal": "must be at most {le}",
    "invalid.not_a_number": "{value!r} is not a number",
    "invalid.too_large": "{value!r} is unreasonably large (at most {limit})",
    "invalid.not_finite": "must be a finite number",
    "invalid.too_precise": "{value!r} has too many decimals (at most {places})",
    "invalid.number_too_long": (
        "{value!r} is too long to be a number: {length} characters, but a number has at most {limit}; write just "
        "the number"),
    "invalid.formula_too_long": (
        "the formula {value!r} is too long: {length} characters, but a formula has at most {limit}; write the "
        "amount, or the formula as the document prints it"),
    "invalid.extra_forbidden_more": (
        "unknown key, and {more} more unknown keys after it in the same place, not listed one by one; remove or "
        "correct them"),
    "invalid.extra_forbidden_rest": (
        "unknown key: the file has {listed} unknown keys above already, so this one and {more} more further down "
        "are not listed one by one; remove or correct them"),
    "invalid.invalid_key": "the key must be text",
    "invalid.bool_parsing": "must be true or false",
    "invalid.percent_not_allowed": "{value!r}: a percentage is not allowed here, write a number",
    "invalid.decimal_parsing": "is not a number",
    "invalid.decimal_type": "must be a number",
    "invalid.int_parsing": "must be a whole number",
    "invalid.int_type": "must be a whole number",
    "invalid.int_from_float": "must be a whole number",
    "invalid.string_type": "must be text",
    "invalid.string_too_short": "must not be empty",
    "invalid.bool_type": "must be true or false",
    "invalid.dict_type": "must be a mapping (key: value)",
    "invalid.model_type": "must be a mapping (key: value)",
    "invalid.model_attributes_type": "must be a mapping (key: value)",
    "invalid.list_type": "must be a list",
    "invalid.too_short": "must have at least {min_length} items",
    "invalid.date_type": "must be a date yyyy-mm-dd",
    "invalid.date_parsing": "must be a date yyyy-mm-dd",
    "invalid.date_from_datetime_parsing": "{value!r} is not a valid date: write yyyy-mm-dd, e.g. 2025-02-28",
    "invalid.date_number": "{value} is a number, not a date: write yyyy-mm-dd, e.g. 2025-12-31",
    "invalid.date_from_datetime_inexact": "must be a date without a time",
    "invalid.literal_error": "must be {expected}",
    "invalid.enum": "must be {expected}",
    "invalid.union_tag_invalid": "unknown line kind {tag!r}{hint}; known: {expected_tags}",
    "invalid.union_tag_not_found": "has no kind (line kind: {expected})",
    "invalid.on_cost_below_one": "the on-cost factor {value} is below 1: write 1.42 (or \"42 %\") for 42 % on-costs",
    "invalid.rate_too_high": "{value} is too high for a rate: write \"3.3 %\" or 0.033",
    "invalid.month_day": "must be month-day, e.g. \"01-01\" or \"04-01\"",
    "invalid.year_key": "{value!r} is not a budget year",
    "invalid.one_of": "give {options}",
    "invalid.only_one_of": "give only one of {options}",
    # --- the budget as a whole
    "budget.period_order": "the period ends ({end}) before it starts ({start})",
    "budget.duplicate_line": "the line name {name!r} is already used by line no. {number}",
    "budget.unknown_category": "unknown category {name!r}{hint}; declare it under categories or choose from: {known}",
    "budget.unknown_year": "{year} is not a budget year of the period ({years})",
    "budget.date_outside": "the date {date} lies outside the period {start} – {end}",
    "budget.line_dates": "the line ends ({end}) before it starts ({start})",
    "budget.unknown_line": "unknown line {name!r}{hint}",
    "budget.percentage_self": "the percentage line {name!r} cannot be part of its own base",
    "budget.period_too_long": (
        "the period {start} – {end} spans {count} budget years; at most {limit} are possible (a typo in the year?)"),
    "budget.period_range": (
        "the period {start} – {end} cannot be divided into budget years: the years must lie between 1 and 9998"),
    "budget.unknown_funder": (
        "the project's funder {name!r} is not one of the funders under financing{hint}: write the name as there or "
        "mark the one applied to with applies: true; the funders: {known}"),
    "budget.percentage_cycle": "the percentage lines form a cycle: {cycle}",
    "budget.empty_base": "the base of the percentage is empty",
    "budget.fiscal_month": "fiscal_year_start applies only to budget_years: fiscal",
    "budget.duplicate_category": "the category {name!r} is declared twice",
    "financing.duplicate_funder": "the funder {name!r} is already funder no. {number}",
    "financing.two_rests": "only one funder can cover the rest (rest: true); {name!r} does already",
    "financing.two_applicants": "only one funder can be the one applied to (applies: true); {name!r} is already",
    "financing.line_twice": "the cost line {line!r} is carried by {name!r} already",
    "financing.in_kind_line_cash": (
        "{line!r} is a contribution in kind and cannot be carried in cash: let a funder in kind carry it (in_kind: "
        "true), apart from the cash lines"),
    "invalid.stated_figure": (
        "{value!r} is neither an amount nor a formula such as \"42.350 kr × 1,42 × 3,5 = 210.479 kr\""),
    # --- check: reconciliation (errors)
    "balance.year": (
        "{year}: costs {costs} and financing {financing} do not balance (financing \u2212 costs = {difference})"),
    "balance.total": (
        "in all: costs {costs} and financing {financing} do not balance (financing \u2212 costs = {difference}); "
        "the cost budget must balance the financing budget"),
    "applied.differs": (
        "the applied amount {stated} does not match the financing from {funder}, {computed} (difference "
        "{difference})"),
    "applied.no_funder": (
        "an applied amount is stated ({stated}), but no funder is the one applied to: mark it with applies: true"),
    "financing.rest_negative": (
        "{year}: the other funders give {others}, more than the costs {costs}; {funder} would get {amount}"),
    "financing.cap_year": "{year}: {funder} finances {amount}, above its yearly ceiling {cap} (by {excess})",
    "financing.cap_total": "{funder} finances {amount} in all, above its ceiling {cap} (by {excess})",
    "financing.share": (
        "{year}: {funder} finances {amount}, but the share {share} of {base} is {expected} (difference {difference})"),
    "financing.max_share": (
        "{funder} finances {amount} in all, more than at most {share} of {base}, {expected} (by {excess})"),
    # --- check: stated figures
    "stated.line_year": "{line}, {year}: the document states {stated}, computed {computed} (difference {difference})",
    "stated.line_total": "{line}, total: the document states {stated}, computed {computed} (difference {difference})",
    "stated.costs_year": (
        "the cost budget's sum for {year}: the document states {stated}, computed {computed} (difference "
        "{difference})"),
    "stated.costs_total": (
        "the cost budget's total: the document states {stated}, computed {computed} (difference {difference})"),
    "stated.funder_year": (
        "{funder}, {year}: the document states {stated}, computed {computed} (difference {difference})"),
    "stated.funder_total": (
        "{funder}, total: the document states {stated}, computed {computed} (difference {difference})"),
    "stated.financing_year": (
        "the financing budget's sum for {year}: the document states {stated}, computed {computed} (difference "
        "{difference})"),
    "stated.financing_total": (
        "the financing budget's total: the document states {stated}, computed {computed} (difference {difference})"),
    "stated.plan_total": (
        "the time and activity plan's sum: the document states {stated}, the activities give {computed} (difference "
        "{difference})"),
    "stated.formula": (
        "{line}, {year}: the formula as written, “{text}”, gives {product}, not {result} (difference {difference})"),
    # --- check: months, raises, rates, plan (warnings)
    "period.months": (
        "{year} is budgeted with {budgeted} months, but the period has {counted} months that year ({start} – "
        "{end}); the whole budget counts {budget_months} months for a period of {period_months}"),
    "period.line_months": (
        "{line}, {year}: {budgeted} months are budgeted, but the line runs {counted} months that year"),
    "raise.salary": (
        "{line}, {year}: the monthly salary {stated} does not follow the yearly raise {rate}: {previous} × {factor} "
        "= {exact}, so {expected}; with it the year costs {impact} {more_or_less}"),
    "rate.conversion": (
        "{line}, {year}: counts {year_rate} instead of the line's {line_rate} (= {converted}); the amount is "
        "{stated} instead of {expected} (difference {difference})"),
    "plan.costs": (
        "time and activity plan: {activities} cost {plan}, but the cost lines they belong to ({lines}) have {cost} "
        "for {years} (difference {difference})"),
    "plausibility.negative_line": "{line} has a negative total, {amount}",
    "plausibility.negative_year": "{year}: the cost budget's sum is negative, {amount}",
    # --- check: what explicit amounts imply (info, on request)
    "implied.on_cost": (
        "{line}, {year}: {amount} implies the on-cost factor {value} on {salary} × {fte} × {months} months"),
    "implied.monthly_salary": (
        "{line}, {year}: {amount} implies the monthly salary {value} with {on_cost} × {fte} × {months} months"),
    "implied.fte": "{line}, {year}: {amount} implies {value} FTE with {salary} × {on_cost} × {months} months",
    "implied.change": (
        "{line}: the cost per month changes by {value} from {previous_year} to {year} ({previous_monthly}/month → "
        "{monthly}/month)"),
    # --- plausibility (warnings)
    "plausibility.on_cost_high": (
        "the on-cost factor {value} is above 3 – did you mean {suggestion}? ({suggestion} means {percent} % "
        "on-costs)"),
    "plausibility.salary_low": (
        "the monthly salary {value} kr is unusually low – did you mean {suggestion} kr? (42.350 reads as 42.35)"),
    "plausibility.fte_high": (
        "the FTE {value} means {value} full-time posts – did you mean {fte}? (write {suggestion} or \"{value} %\")"),
    "plausibility.fte_people": "{fte} FTE is more than {people} people can carry",
    # --- severities and the parts of every message
    "severity.error": "error",
    "severity.warning": "warning",
    "severity.info": "info",
    "message.did_you_mean": " (did you mean {suggestion!r}?)",
    # --- formats: where the currency and the percent sign go
    "format.money": "SEK\u00a0{amount}",
    "format.percent": "{value}%",
    "format.excel_money": "\"SEK \"{digits}",
    # --- budget years and formulas (42 350 kr × 1,42 × 3,5 mån = 210 479 kr)
    "year.project": "Year {number}",
    "formula.per.month": "month",
    "formula.per.year": "year",
    "formula.per.hour": "hour",
    "formula.months": "{n}\u00a0months",
    "formula.year_share": "{n}/12\u00a0months",
    "formula.hours": "{n}\u00a0h",
    "formula.places": "{n}{block}\u00a0places",
    "formula.times": "{n}\u00a0times",
    "formula.rounded": "rounded to",
    "formula.rounded_down": "rounded down to",
    "formula.rounded_up": "rounded up to",
    # --- the words of the tables (grantcalc show, the check report, HTML)
    "word.category": "Category",
    "word.line": "Line",
    "word.total": "Total",
    "word.sum": "Sum",
    "word.in_kind": "in kind",
    "word.of_which_in_kind": "of which in kind",
    "word.amounts_in": "amounts in SEK",
    "word.months": "months",
    "word.not_stated": "amount not stated",
    "word.stated": "stated amount",
    "word.total_lower": "total",
    "word.cash": "cash",
    "word.yes": "yes",
    "word.no": "no",
    # --- the rows grantcalc adds to a financing budget: the funder of a budget that declares none,
    # and the row of a party's in-kind lines no funder carries (when a funder has the party's name)
    "funder.default": "Applied for",
    "funder.in_kind": "{party} (in kind)",
    "funder.in_kind_n": "{party} (in kind {number})",
    # --- the check report (text and HTML)
    "report.funder": "Funder",
    "report.financing": "Financing budget",
    "report.costs": "Cost budget",
    "report.applied": "Applied amount",
    "report.balanced": "Costs and financing balance in every year.",
    "report.unbalanced": "Costs and financing do not balance.",
    "report.findings": "Findings",
    "report.stated": "Stated figures compared with the computation: {compared}, of which {differing} differ.",
    "report.none": "No findings.",
    "report.difference": "Difference (financing \u2212 costs)",
    "report.line_no": "line {line}",
    "report.summary": "{errors}, {warnings}, {infos}",
    "report.errors.one": "{n} error",
    "report.errors.other": "{n} errors",
    "report.warnings.one": "{n} warning",
    "report.warnings.other": "{n} warnings",
    "report.infos.one": "{n} info",
    "report.infos.other": "{n} infos",
    # --- Excel workbooks and CSV: the sheets, and the words on them
    "sheet.costs": "Costs",
    "sheet.financing": "Financing",
    "sheet.computation": "Computation",
    "sheet.findings": "Findings",
    "excel.category": "Category",
    "excel.line": "Line",
    "excel.total": "Total",
    "excel.sum": "Sum",
    "excel.funder": "Funder",
    "excel.in_kind": "in kind",
    "excel.yes": "yes",
    "excel.costs": "Costs",
    "excel.difference": "Difference (financing \u2212 costs)",
    "excel.year": "Year",
    "excel.amount": "Amount",
    "excel.months": "Months",
    "excel.formula": "Formula",
    "excel.severity": "Severity",
    "excel.code": "Code",
    "excel.place": "Location",
    "excel.field": "Field",
    "excel.message": "Message",
    "excel.no_findings": "No findings",
    "excel.amounts_in": "amounts in SEK",
    # --- data frames, sweeps and comparisons (pandas)
    "frame.total": "Total",
    "frame.sum": "Total",
    "sweep.total": "Total",
    "sweep.applied": "Applied for",
    # --- goal seek: the answer in a sentence
    "seek.says.cap": "{name} = {value} keeps {what} within {limit}: {achieved}, {gap} below the cap",
    "seek.says.target": "{name} = {value} brings {what} closest to {limit}: {achieved}",
    "seek.says.off": ", {gap} {side} the target",
    "seek.says.exact": ", exactly",
    "seek.says.above": "above",
    "seek.says.below": "below",
    "seek.says.next": " (the next step, {value}, gives {amount})",
    "seek.says.now": ". The budget has {was} now; step {step}, {evaluations} computations.",
    "seek.metric.total": "the costs",
    "seek.metric.cash": "the cash costs",
    "seek.metric.applied": "the amount applied for",
    "seek.metric.each": "{what} in every budget year",
    "seek.metric.year": "{what} in {year}",
    # --- charts
    "chart.costs": "Costs per budget year by category",
    "chart.financing": "Financing per budget year by funder",
    "chart.budget": "the budget",
    "chart.cap": "cap {amount}",
    "chart.currency": "SEK",
    # --- the built-in forms (Word): the words their blocks print
    "form.name": "Name of the project",
    "form.period": "Planned period",
    "form.applied": "Funds applied for from the coordination association",
    "form.funder": "the coordination association",
    "form.organisation": "Organisation",
    "form.organisation_number": "Organisation number",
    "form.unit": "Unit",
    "form.contact": "Contact person",
    "form.phone": "Phone",
    "form.email": "Email",
    "form.role": "Role",
    "form.person": "Name",
    "form.activity": "Activities",
    "form.start": "Start date",
    "form.end": "End date",
    "form.cost": "Cost",
    "form.category": "Category",
    "form.specification": "Specification",
    "form.funder_column": "Funder",
    "form.total": "Total",
    "form.sum": "Sum",
    "form.line": "Cost",
    "form.calculation": "Calculation",
    "form.amount": "Amount",
    "form.for_party": "For {party}",
    "form.place_date": "Place and date",
    "form.signature": "Signature",
    "form.clarification": "Name in capitals",
    "form.position": "Position",
    "form.year_sum": "Total costs {label}",
    "form.period_total": "Total costs {period} ({months} months): {total}",
    "form.applies": (
        "{applicant} applies for {amount} from {funder} for the project “{project}” in the period {period}, as "
        "calculated above."),
    "form.in_kind": "Co-financing in kind: {items}.",
    "form.no_plan": (
        "The budget file has no activity plan (plan:). Fill in the activities here or add them to the budget file."),
    "form.amounts_in": "Amounts in SEK.",
    "form.not_stated": "amount not stated",
    "form.in_kind_short": "in kind",
    "form.subtitle": "{funder} · {period}",
    "form.chart_costs": "Figure: costs per budget year by category.",
    "form.chart_financing": "Figure: financing per budget year by funder.",
    "form.applicant": "The applicant",
    "form.role.leader": "project leader",
    "form.role.contact": "contact person",
    "form.role.finance": "financial officer",
    # --- the fields of a document (grantcalc render --fields)
    "field.intro": (
        "Fields in a .docx template of your own: {{{{ project.name }}}}. Lists ([]) repeat per row: {{%tr for row "
        "in costs.rows %}} … {{{{ row.total }}}} … {{%tr endfor %}}. Ready tables: {{{{p tables.costs }}}}."),
    "field.year_heading": "{label}",
    "field.in_kind_note": "financed in kind by {party}",
    "field.owner_roles": "owner, applicant",
    "field.lang": "the document's language: sv or en",
    "field.today": "today's date, yyyy-mm-dd",
    "field.project.name": "the project's name",
    "field.project.applicant": "the applicant",
    "field.project.funder": "the funder applied to",
    "field.project.description": "short description",
    "field.project.period": "planned period: yyyy-mm-dd – yyyy-mm-dd",
    "field.project.start": "start date",
    "field.project.end": "end date",
    "field.project.months": "the period in months",
    "field.project.owner": "the party responsible (owner); the same fields as a party",
    "field.project.parties[]": "the parties, in the budget file's order",
    "field.project.parties[].name": "organisation",
    "field.project.parties[].role": "role, e.g. owner",
    "field.project.parties[].organisation_number": "organisation number",
    "field.project.parties[].unit": "unit",
    "field.project.parties[].contact": "the first contact's name",
    "field.project.parties[].phone": "the first contact's phone",
    "field.project.parties[].email": "the first contact's email",
    "field.project.parties[].contacts[]": "the party's contacts: role, name, phone, email",
    "field.project.contacts[]": "every contact: role, name, phone, email, party",
    "field.years[]": "the budget years, in order",
    "field.years[].label": "the year's label: 2024, Year 1 or 2024/25",
    "field.years[].heading": "column heading as on the form: År 2024",
    "field.years[].start": "first day within the period",
    "field.years[].end": "last day within the period",
    "field.years[].months": "months budgeted",
    "field.years[].costs": "the year's costs, with currency",
    "field.years[].financing": "the year's financing, with currency",
    "field.years[].lines[]": "the year's lines with calculation (below)",
    "field.years[].lines[].name": "line",
    "field.years[].lines[].specification": "specification (else the name)",
    "field.years[].lines[].category": "category",
    "field.years[].lines[].calculation": "the calculation up to the equals sign",
    "field.years[].lines[].formula": "the whole formula with its result",
    "field.years[].lines[].amount": "amount, with currency",
    "field.years[].lines[].note": "e.g. financed in kind by …",
    "field.years[].lines[].party": "party carrying it in kind (else empty)",
    "field.lines[]": "the cost lines",
    "field.lines[].name": "line",
    "field.lines[].category": "category",
    "field.lines[].specification": "specification (else the name)",
    "field.lines[].amounts": "amounts per budget year (a list)",
    "field.lines[].total": "the line's total",
    "field.lines[].party": "party carrying it in kind (else empty)",
    "field.costs.rows[]": "the cost budget's rows: category, specification, name, amounts, total",
    "field.costs.sum.amounts": "the Summa row per budget year",
    "field.costs.sum.total": "the Summa row's total",
    "field.costs.total": "total costs, with currency",
    "field.costs.in_kind": "of which in kind, with currency",
    "field.costs.cash": "costs paid in cash, with currency",
    "field.categories.rows[]": "the categories: name, amounts, total",
    "field.categories.sum.amounts": "the Summa row per budget year",
    "field.categories.sum.total": "the Summa row's total",
    "field.financing.rows[]": "the financing budget's rows: name, amounts, total, kind",
    "field.financing.sum.amounts": "the Summa row per budget year",
    "field.financing.sum.total": "the Summa row's total",
    "field.financing.total": "total financing, with currency",
    "field.financing.balanced": "yes when costs and financing balance every year, else no",
    "field.plan.rows[]": "the activity plan: name, start, end, cost",
    "field.plan.sum": "the plan's sum",
    "field.applied_amount": "the amount applied for, with currency",
    "field.total": "total costs, with currency",
    "field.tables.costs": "the cost budget as a ready table: {{{{p tables.costs }}}}",
    "field.tables.categories": "costs per category as a ready table",
    "field.tables.financing": "the financing budget as a ready table",
    "field.tables.plan": "the activity plan as a ready table",
    "field.tables.justification": "the budget justification, year by year",
    "field.charts.costs": "chart: costs per year by category",
    "field.charts.financing": "chart: financing per year by funder",
    # --- user templates: the parts of messages about them
    "render.where.top": "at the top level",
    "render.where.in": "in {path}",
    "render.advice.loop": ": loop over the list with {{%tr for row in … %}}",
    "render.reason_near": "{reason}, near “{context}”",
    "render.kind.field": "the field {path}",
    "render.kind.fields": "the fields",
    "render.kind.text": "a text",
    "render.kind.plain_text": "text",
    "render.kind.value": "a value",
    "render.kind.number": "a number",
    "render.kind.list": "a list",
    "render.kind.mapping": "a mapping",
    "render.kind.function": "the function {name}",
    "render.kind.partial": "a function",
    "render.kind.loop": "loop",
    "render.kind.self": "self",
    "render.kind.undefined": "a field that does not exist",
    "render.kind.macro": "a macro",
    "render.kind.object": "an object of type {type}",
    # --- why a .docx template cannot be read (the {reason} of render.template_invalid)
    "render.invalid.empty": "the file is empty",
    "render.invalid.not_zip": "it is not a zip package, which a .docx is",
    "render.invalid.damaged": "the zip package is damaged or cut short: {error}",
    "render.invalid.encrypted": "the part {part} is encrypted, which Word never writes",
    "render.invalid.method": "the part {part} is compressed with method {method}, which Word never writes",
    "render.invalid.no_content_types": "[Content_Types].xml is missing",
    "render.invalid.content_types": "[Content_Types].xml is damaged: {error}",
    "render.invalid.dotx": "it is a Word template (.dotx), to be saved as .docx first",
    "render.invalid.no_main": "the package has no Word document main part (is it another kind of file?)",
    "render.invalid.unpacks_more": "the part {part} unpacks to more than the zip package says ({size} bytes)",
    "render.invalid.unpack": "the part {part} cannot be unpacked: {error}",
    "render.invalid.shorter": "the part {part} is shorter than the zip package says",
    # --- what a file that is not a regular file is (the {kind} of file.not_regular)
    "file.kind.fifo": "a named pipe (FIFO)",
    "file.kind.device": "a device",
    "file.kind.socket": "a socket",
    "file.kind.other": "not a regular file",
    # --- the command line: what it prints
    "cli.error": "{prog}: error: {message}",
    "cli.default": " (default)",
    "cli.render_needs_budget": (
        "grantcalc render: name a budget file, e.g. grantcalc render budget.yaml -o application.docx"),
    "cli.wrote_document": "Wrote {path} (template: {template})",
    "cli.wrote": "Wrote {path}",
    "cli.created": "Created {path}. Fill it in and run: grantcalc show {path}",
    # --- the command line: its help
    "cli.description": (
        "Compute, check and write the budget of a grant application (samordningsförbund, ESF, Arvsfonden)."),
    "cli.metavar.command": "COMMAND",
    "cli.metavar.budget": "BUDGET",
    "cli.metavar.file": "FILE",
    "cli.metavar.template": "TEMPLATE",
    "cli.help.version": "show the version and exit",
    "cli.help.budget": "budget file (.yaml, .toml, .json; - for standard input)",
    "cli.help.budgets": "budget files (.yaml, .toml, .json; - for standard input)",
    "cli.help.lang": "language (default: the budget's, else {default})",
    "cli.help.force": "overwrite FILE if it exists",
    "cli.show.help": "show the cost budget per budget year",
    "cli.show.description": "Show the cost budget per budget year with its sums.",
    "cli.show.by": "one row per cost line (line) or per category (category)",
    "cli.show.formulas": "show the formula behind every amount, year by year",
    "cli.check.help": "check budgets: balance with the financing, stated figures, plausibility",
    "cli.check.description": (
        "Compute and check budgets: costs against financing year by year, the amount applied for, the amounts and "
        "formulas the application states, salary raises, months, the activity plan. Exit status 0: everything "
        "balances and no errors; 1: errors (with --strict also warnings); 2: a file cannot be read or is invalid."),
    "cli.check.format": (
        "text (the default), json or github (GitHub Actions annotations; chosen by itself under GitHub Actions)"),
    "cli.check.strict": "warnings count as errors (exit status 1)",
    "cli.check.implied": "also show what stated lump sums imply (e.g. the on-cost factor behind a sum of salaries)",
    "cli.new.help": "create a new budget file to fill in",
    "cli.new.description": "Create a new budget file with comments in Swedish, ready to fill in.",
    "cli.new.output": "the new budget file, e.g. budget.yaml",
    "cli.render.help": "write the application as a Word document (the form or a template of your own)",
    "cli.render.description": (
        "Write the application as a Word document (.docx) from the budget: the samordningsförbund's form (the "
        "default), the budget justification Projektets ekonomi, or a .docx template of your own with fields such as "
        "{{{{ project.name }}}}. Every amount comes from the computation."),
    "cli.render.output": "the Word document to write (default: BUDGET with .docx)",
    "cli.render.template": (
        "a built-in template (see --list-templates) or a .docx template of your own (default: samordningsforbund)"),
    "cli.render.no_charts": "without charts",
    "cli.render.list_templates": "list the built-in templates and exit",
    "cli.render.fields": "list the fields a template of your own can use (with values when BUDGET is given) and exit",
    "cli.export.help": "write the budget as an Excel workbook (.xlsx) or CSV",
    "cli.export.description": (
        "Write the budget as an Excel workbook (.xlsx) with the sheets Costs, Financing, Computation and Findings, "
        "where every Total and Sum is a formula that recomputes when you change an amount; or as CSV (.csv) with "
        "one row per cost line and budget year. The suffix of -o chooses the format."),
    "cli.export.output": "the file to write, .xlsx or .csv (default: BUDGET with .xlsx in the current folder)",
    "cli.schema.help": "write the JSON Schema of the budget file",
    "cli.schema.description": "Write the budget file's JSON Schema (for editors: completion and typos).",
    "cli.schema.output": "write to FILE instead of standard output",
    # --- argparse's own words, as the command line prints them (its usage line, headings, errors)
    "argparse.usage": "usage: ",
    "argparse.positional": "positional arguments:",
    "argparse.options": "options:",
    "argparse.help": "show this help message and exit",
    "argparse.required": "the following arguments are required: {a}",
    "argparse.unrecognized": "unrecognized arguments: {a}",
    "argparse.invalid_choice": "argument {name}: invalid choice: {value} (choose from {choices})",
    "argparse.expected_one": "argument {name}: expected one argument",
    "argparse.ambiguous": "ambiguous option: {option} could match {matches}",
    "argparse.argument": "argument {name}: {message}",
}
