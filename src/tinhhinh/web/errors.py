"""What a page says when the desk refuses something: one line in the reader's language.

The domain's messages are English one-liners written for the command line (they name flags such as
``--reason`` and codes such as ``received_on``). A page never shows them: each refusal a user can meet on a
page is matched here to a catalog message (``messages.po``), with the useful parts of the original (a
file name, a date, a case number) carried over; anything not matched gets a plain message for its status,
never the English text. The JSON API keeps the domain's English messages.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tinhhinh.web.i18n import N_

# (pattern on the domain's message, catalog message with %(name)s for the pattern's named groups)
PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p), m)
    for p, m in [
        # conflicts (409): the second writer
        (
            r"was changed by someone else \(you had version (?P<had>\d+), it is now (?P<now>\d+)\)",
            N_(
                "Someone else changed this record while you were working on it (you had version %(had)s, it is now %(now)s). Check the current version below, then apply your change again."
            ),
        ),
        # cases
        (r"^a case needs a title", N_("A case needs a title.")),
        (r"^rejected needs a reason$", N_("Give the reason for rejecting the case.")),
        (r"^reopened needs a reason$", N_("Give the reason for reopening the case.")),
        (r"^transferred needs a reason$", N_("Give the reason for the transfer.")),
        (r"needs the agency that takes the case", N_("Choose the agency that takes the case.")),
        (
            r"^a transfer goes to another agency",
            N_("A transfer goes to another agency: choose a different one."),
        ),
        (r"^case #\d+ is \w+: cannot go to", N_("This step is not possible in the case's current status.")),
        (r"^empty comment$", N_("The comment is empty.")),
        (r"^choose a file to attach$", N_("Choose a file to attach.")),
        (
            r"^(?P<file>.+): type not accepted",
            N_("%(file)s: this type of file is not accepted (pdf, png, jpg, docx, xlsx, txt)."),
        ),
        (r"^(?P<file>.+): content is not a", N_("%(file)s: the content does not match the file type.")),
        (r"^(?P<file>.+): a \.txt attachment must be UTF-8", N_("%(file)s: a text file must be UTF-8.")),
        (
            r"^(?P<file>.+): \d+ bytes is over the (?P<limit>\d+)-byte limit",
            N_("%(file)s is larger than the limit of %(limit)s."),
        ),
        (r"^(?P<file>.+): empty file$", N_("%(file)s is empty.")),
        # petitions
        (
            r"^intake refused: record that the privacy notice was given",
            N_("Tick that the privacy notice was given to the petitioner before taking personal data."),
        ),
        (r"^a petition needs a short subject", N_("Enter a short subject (no personal data in it).")),
        (r"^the petitioner's name is required", N_("Enter the petitioner's full name.")),
        (
            r"^the subject repeats the petitioner's",
            N_("The subject repeats the petitioner's personal data: keep it out of the subject."),
        ),
        (
            r"^the reason repeats the petitioner's",
            N_("The reason repeats the petitioner's personal data: reasons are kept after erasure."),
        ),
        (
            r"^received_on (?P<day>\S+) is after today \((?P<today>\S+), office time\)",
            N_(
                "The date received (%(day)s) is later than today (%(today)s): give the day the petition came in."
            ),
        ),
        (
            r"^the decision date (?P<day>\S+) is after today \((?P<today>\S+), office time\)",
            N_("The decision date (%(day)s) is later than today (%(today)s)."),
        ),
        (
            r"^(?P<day>\S+) is before the petition was received \((?P<received>\S+)\)",
            N_("The date %(day)s is before the petition was received (%(received)s)."),
        ),
        (
            r"^(?P<day>\S+) is before the petition became \w+ \((?P<since>\S+)\)",
            N_("The date %(day)s is before the previous decision (%(since)s)."),
        ),
        (r"^not_accepted needs", N_("Give the reason the petition is not accepted.")),
        (r"^forwarded needs", N_("Give the competent body the petition was forwarded to.")),
        (r"^guided needs", N_("Give the guidance given to the petitioner.")),
        (r"^extended needs", N_("Give the written extension decision.")),
        (r"^kien_nghi_phan_anh has no extension", N_("A recommendation or reflection cannot be extended.")),
        (
            r"^this complaint already has the longer term",
            N_("This complaint already has the longer term for complex cases: it cannot be extended again."),
        ),
        (r"^merged_duplicate needs the petition", N_("Give the number of the petition this one duplicates.")),
        (
            r"^petition #(?P<other>\d+) is a \w+, this one a \w+",
            N_(
                "Petition #%(other)s is of another kind: a duplicate is merged only into a petition of the same kind."
            ),
        ),
        (
            r"^petition #(?P<other>\d+) is \w+: a duplicate is merged only",
            N_("Petition #%(other)s is no longer being handled: take this one on instead."),
        ),
        (
            r"^petition #\d+ is \w+: cannot go to",
            N_("This step is not possible in the petition's current state."),
        ),
        (r"has been erased", N_("This petition's data has been erased after the retention period.")),
        (
            r"belongs to another agency than the petition's",
            N_(
                "This person works for another agency than the petition's: choose an officer of that agency or a coordinator."
            ),
        ),
        (
            r"cannot be a resolver",
            N_("This person cannot resolve petitions (an active coordinator or officer is needed)."),
        ),
        (
            r"^you cannot name yourself resolver of a denunciation",
            N_("You cannot name yourself resolver of a denunciation: another coordinator must do it."),
        ),
        (r"^nothing to assign", N_("Choose an agency or a resolver.")),
        (
            r"extension the law does not allow|no further extension|cannot be extended",
            N_("The law allows no further extension."),
        ),
        # flags
        (
            r"^flag #\d+ already opened case #(?P<case>\d+)",
            N_("This flag has already opened case #%(case)s."),
        ),
        (r"^flag #\d+ is already (confirmed|dismissed)", N_("This flag has already been reviewed.")),
        # the pages' own parsing
        (r"^(?P<field>\w+): not a number$", N_("A number is expected here.")),
        (r"^(?P<field>\w+): not a date", N_("A date is expected here (day/month/year).")),
        (r"^the form has no record version", N_("The form is out of date: reload the page.")),
        (r"^empty note$", N_("The note is empty.")),
        (r"^the current password is wrong$", N_("The current password is wrong.")),
        # accounts and agencies (admin pages)
        (
            r"^password too short: at least (?P<n>\d+)",
            N_("The password is too short: at least %(n)s characters."),
        ),
        (r"^an officer belongs to an agency", N_("An officer belongs to an agency: choose one.")),
        (r"^user (?P<name>\S+) already exists", N_("The user name %(name)s is taken already.")),
        (r"^agency (?P<code>\S+) already exists", N_("The agency code %(code)s is taken already.")),
        (r"^unknown role", N_("Choose a role.")),
        (r"^unknown sector", N_("Choose a sector from the list.")),
    ]
]

FALLBACK = {
    400: N_("The request could not be carried out."),
    403: N_("You are not allowed to do this."),
    404: N_("Not found, or you may not see it."),
    409: N_(
        "Someone else changed this record while you were working on it. Check the current version, then apply your change again."
    ),
    422: N_("The request could not be carried out: check what you entered and try again."),
}


def file_size(n: int | None, lang: str = "vi") -> str:
    """Bytes as people read them: "45 B", "1,5 MB" (a decimal comma in Vietnamese)."""
    if n is None:
        return "—"
    value, unit = float(n), "B"
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            break
        value /= 1024
    text = f"{value:.0f}" if unit == "B" or value >= 100 or value == int(value) else f"{value:.1f}"
    return (text.replace(".", ",") if lang == "vi" else text) + f" {unit}"


def page_message(message: str, code: int, gettext: Callable[[str], str], lang: str = "vi") -> str:
    """The domain's message as the page shows it: a catalog message, never the English original."""
    for pattern, msgid in PATTERNS:
        m = pattern.search(message)
        if m:
            params = m.groupdict()
            if "limit" in params:
                params["limit"] = file_size(int(params["limit"]), lang)
            return gettext(msgid) % params if params else gettext(msgid)
    return gettext(FALLBACK.get(code, FALLBACK[400]))
