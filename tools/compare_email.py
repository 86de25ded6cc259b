#!/usr/bin/env python3
"""Compare how Arkisto and Python's `email` package read the same messages.

Runs `arkisto parse --json FILE...` in batches, computes the same fields with
`email.message_from_bytes(raw, policy=email.policy.default)`, and prints the agreement per field,
the overall agreement and examples of each disagreement.

Where Python's reading is wrong or the two are not comparable as they stand, the Python side is
adjusted, each with its reason beside it: charset labels read by the WHATWG Encoding Standard
(`decode_text`, `_encoded_word_whatwg`), 8-bit header bytes as UTF-8 or windows-1252
(`ComparedPolicy`), display names from the comment of a bare address (`comment_name`), attached
messages as attachments with their size from Python's own splitting (`is_message`,
`opaque_message_sizes`), the null sender, three-digit years, ids missing their ">", base64 Python
gives back undecoded, the defects of delivery-report blocks and of parts it never decoded.

Real mail to run it on: tools/collect-real-mail DEST (test data of mail libraries).

Inputs: message files, Maildirs (cur/ and new/), directories (walked for Maildirs, *.eml files and
mbox files) and mbox files. An mbox is split the way Arkisto's reader splits it (a `From ` line at
the start of the file or after an empty line starts a message; mboxrd un-escaping; the separator
newline removed), not with `mailbox.mbox` (which splits at every `From ` line and does not
un-escape); each message goes to a temporary file named `MBOXNAME@OFFSET`.

Python standard library only. Exit status 0 unless the comparison could not run.
"""

import argparse
import base64
import codecs
import concurrent.futures
import email
import email._encoded_words
import email.header
import email.policy
import email.utils
import html
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from datetime import timezone

FIELDS = [
    "message_id", "in_reply_to", "references", "date", "subject", "from", "to", "cc",
    "text", "html_text", "html_present", "attachments", "defects",
]

# Python's defect classes that name the same problem as one of Arkisto's defect kinds. Only these
# kinds are compared: the others have no counterpart on one side or the other.
PYTHON_DEFECTS = {
    "StartBoundaryNotFoundDefect": "start_boundary_not_found",
    "CloseBoundaryNotFoundDefect": "missing_closing_boundary",
    "NoBoundaryInMultipartDefect": "missing_boundary_parameter",
    "InvalidBase64PaddingDefect": "invalid_base64",
    "InvalidBase64CharactersDefect": "invalid_base64",
    "InvalidBase64LengthDefect": "invalid_base64",
    "MissingHeaderBodySeparatorDefect": "missing_header_body_separator",
}
COMPARED_DEFECTS = sorted(set(PYTHON_DEFECTS.values()))


# --------------------------------------------------------------------------------------------
# Inputs


def is_maildir(path):
    return os.path.isdir(os.path.join(path, "cur")) or os.path.isdir(os.path.join(path, "new"))


def starts_with_from(path):
    try:
        with open(path, "rb") as f:
            return f.read(5) == b"From "
    except OSError:
        return False


def split_mbox(path, out_dir):
    """(label, temporary file) per message, split as Arkisto's mbox reader does (mboxrd); offsets
    are those of the `From ` lines in the file."""
    base = os.path.basename(path)
    results = []
    current = None
    pending_empty = None
    offset = 0

    def finish(message):
        name = f"{base}@{message[0]}"
        target = os.path.join(out_dir, name)
        with open(target, "wb") as f:
            f.write(message[1])
        results.append((f"{path}:{message[0]}", target))

    with open(path, "rb") as f:
        for line in f:
            start = offset
            offset += len(line)
            if line.startswith(b"From ") and (current is None or pending_empty is not None):
                pending_empty = None
                if current is not None:
                    finish(current)
                current = [start, bytearray()]
                continue
            if current is None:
                continue  # bytes before the first message: Arkisto reports them as unreadable
            if line in (b"\n", b"\r\n"):
                if pending_empty is not None:
                    current[1] += pending_empty
                pending_empty = line
                continue
            if pending_empty is not None:
                current[1] += pending_empty
                pending_empty = None
            if line.startswith(b">") and line.lstrip(b">").startswith(b"From "):
                line = line[1:]
            current[1] += line
    if current is not None:
        finish(current)
    return results


def collect(paths, tmp_dir):
    """(label, file) for every message under the given paths, in a deterministic order."""
    found = []

    def add_maildir(root):
        names = []
        for sub in ("cur", "new"):
            d = os.path.join(root, sub)
            if os.path.isdir(d):
                names += [(n, os.path.join(d, n)) for n in os.listdir(d) if not n.startswith(".")]
        for _, p in sorted(names):
            if os.path.isfile(p):
                found.append((p, p))
        for n in sorted(os.listdir(root)):
            p = os.path.join(root, n)
            if n.startswith(".") and n not in (".", "..") and os.path.isdir(p) and is_maildir(p):
                add_maildir(p)

    def add_tree(directory):
        for n in sorted(os.listdir(directory)):
            if n.startswith("."):
                continue
            p = os.path.join(directory, n)
            if os.path.isdir(p):
                if is_maildir(p):
                    add_maildir(p)
                else:
                    add_tree(p)
            elif os.path.isfile(p):
                if n.lower().endswith(".eml"):
                    found.append((p, p))
                elif n.lower().endswith(".mbox") or starts_with_from(p):
                    found.extend(split_mbox(p, tmp_dir))

    for path in paths:
        if os.path.isdir(path):
            if is_maildir(path):
                add_maildir(path)
            else:
                add_tree(path)
        elif os.path.isfile(path):
            if starts_with_from(path):
                found.extend(split_mbox(path, tmp_dir))
            else:
                found.append((path, path))
        else:
            print(f"compare-email: {path}: no such file or directory", file=sys.stderr)
    return found


# --------------------------------------------------------------------------------------------
# Arkisto's side


def run_arkisto(binary, files, batch_size):
    """name -> parsed JSON object (or {"__error__": reason}) for each file, in batches."""
    results = {}
    pending = list(files)
    while pending:
        batch, names, rest = [], set(), []
        for f in pending:
            name = os.path.basename(f)
            if name in names or len(batch) >= batch_size:
                rest.append(f)
            else:
                names.add(name)
                batch.append(f)
        pending = rest
        # Python reads no attachment's text: OCR would only slow the run down.
        proc = subprocess.run([binary, "parse", "--json", "--no-ocr", *batch], capture_output=True)
        out = proc.stdout.decode("utf-8", "replace").strip()
        objects = []
        if out.startswith("["):
            try:
                objects = json.loads(out)
            except json.JSONDecodeError:
                objects = []
        else:
            for line in out.splitlines():
                line = line.strip()
                if line:
                    try:
                        objects.append(json.loads(line))
                    except json.JSONDecodeError:
                        pass
        by_name = {o.get("name"): o for o in objects if isinstance(o, dict)}
        errors = {}
        for line in proc.stderr.decode("utf-8", "replace").splitlines():
            for f in batch:
                if line.startswith(f + ":"):
                    errors[f] = line[len(f) + 1:].strip()
        for f in batch:
            name = os.path.basename(f)
            results[f] = by_name.get(name) or {"__error__": errors.get(f, f"no output (exit {proc.returncode})")}
    return results


# --------------------------------------------------------------------------------------------
# Python's side


# Charset labels as the WHATWG Encoding Standard reads them (encoding.spec.whatwg.org, "Names and
# labels"), mapped to Python's codecs; Arkisto reads them the same way (Sources/MIME/Charset/
# CharsetLabels.swift). Python's email package decodes a declared name with the codec of that
# name: GBK text labelled gb2312, windows-949 text labelled euc-kr or ks_c_5601-1987, windows-31j
# text labelled shift_jis and windows-1252 text labelled iso-8859-1 or us-ascii turn into U+FFFD,
# where mail readers show the text. The comparison decodes with the standard's encoding instead.
# Arkisto departs from the standard in one way that this does not copy: an ASCII label (or none)
# over valid UTF-8 is read as UTF-8 by Arkisto, as windows-1252 here; those messages disagree.
WHATWG_LABELS = {
    "utf-8": "unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 utf8 x-unicode20utf8",
    "cp866": "866 cp866 csibm866 ibm866",
    "iso8859-2": "csisolatin2 iso-8859-2 iso-ir-101 iso8859-2 iso88592 iso_8859-2 iso_8859-2:1987 l2 latin2",
    "iso8859-3": "csisolatin3 iso-8859-3 iso-ir-109 iso8859-3 iso88593 iso_8859-3 iso_8859-3:1988 l3 latin3",
    "iso8859-4": "csisolatin4 iso-8859-4 iso-ir-110 iso8859-4 iso88594 iso_8859-4 iso_8859-4:1988 l4 latin4",
    "iso8859-5": "csisolatincyrillic cyrillic iso-8859-5 iso-ir-144 iso8859-5 iso88595 iso_8859-5 iso_8859-5:1988",
    "iso8859-6": "arabic asmo-708 csiso88596e csiso88596i csisolatinarabic ecma-114 iso-8859-6 iso-8859-6-e "
                 "iso-8859-6-i iso-ir-127 iso8859-6 iso88596 iso_8859-6 iso_8859-6:1987",
    "iso8859-7": "csisolatingreek ecma-118 elot_928 greek greek8 iso-8859-7 iso-ir-126 iso8859-7 iso88597 "
                 "iso_8859-7 iso_8859-7:1987 sun_eu_greek",
    "iso8859-8": "csiso88598e csisolatinhebrew hebrew iso-8859-8 iso-8859-8-e iso-ir-138 iso8859-8 iso88598 "
                 "iso_8859-8 iso_8859-8:1988 visual csiso88598i iso-8859-8-i logical",
    "iso8859-10": "csisolatin6 iso-8859-10 iso-ir-157 iso8859-10 iso885910 l6 latin6",
    "iso8859-13": "iso-8859-13 iso8859-13 iso885913",
    "iso8859-14": "iso-8859-14 iso8859-14 iso885914",
    "iso8859-15": "csisolatin9 iso-8859-15 iso8859-15 iso885915 iso_8859-15 l9",
    "iso8859-16": "iso-8859-16",
    "koi8-r": "cskoi8r koi koi8 koi8-r koi8_r",
    "koi8-u": "koi8-ru koi8-u",
    "mac-roman": "csmacintosh mac macintosh x-mac-roman",
    "mac-cyrillic": "x-mac-cyrillic x-mac-ukrainian",
    "cp874": "dos-874 iso-8859-11 iso8859-11 iso885911 tis-620 windows-874",
    "cp1250": "cp1250 windows-1250 x-cp1250",
    "cp1251": "cp1251 windows-1251 x-cp1251",
    "cp1252": "ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 iso8859-1 iso88591 "
              "iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii windows-1252 x-cp1252",
    "cp1253": "cp1253 windows-1253 x-cp1253",
    "cp1254": "cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 iso_8859-9 iso_8859-9:1989 l5 latin5 "
              "windows-1254 x-cp1254",
    "cp1255": "cp1255 windows-1255 x-cp1255",
    "cp1256": "cp1256 windows-1256 x-cp1256",
    "cp1257": "cp1257 windows-1257 x-cp1257",
    "cp1258": "cp1258 windows-1258 x-cp1258",
    "gb18030": "chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 gbk iso-ir-58 x-gbk gb18030",
    "big5hkscs": "big5 big5-hkscs cn-big5 csbig5 x-x-big5",
    "euc_jp": "cseucpkdfmtjapanese euc-jp x-euc-jp",
    "iso2022_jp": "csiso2022jp iso-2022-jp",
    "cp932": "csshiftjis ms932 ms_kanji shift-jis shift_jis sjis windows-31j x-sjis",
    "cp949": "cseuckr csksc56011987 euc-kr iso-ir-149 korean ks_c_5601-1987 ks_c_5601-1989 ksc5601 ksc_5601 "
             "windows-949",
    # The standard's "replacement" labels are real encodings in mail (RFC 1557, 1843), as in Arkisto.
    "iso2022_kr": "csiso2022kr iso-2022-kr",
    "hz": "hz-gb-2312",
    "utf-16-be": "unicodefffe utf-16be",
    "utf-16-le": "csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16 utf-16le",
}
WHATWG_CODECS = {label: codec for codec, labels in WHATWG_LABELS.items() for label in labels.split()}


def whatwg_c1(error):
    """windows-1252's five unassigned bytes are the C1 controls in the standard (Python: errors)."""
    bad = error.object[error.start:error.end]
    return "".join(chr(b) if 0x80 <= b <= 0x9F else "\ufffd" for b in bad), error.end


codecs.register_error("whatwg-c1", whatwg_c1)


def decode_text(data, label):
    """`data` decoded as the WHATWG standard reads `label`; a name it does not list goes to Python's
    codec of that name. A name Python does not know either (`fakescii`, `charset=us-ascii`) makes
    `get_content()` raise, leaving no text to compare; a reader falls back to its default encoding
    then (windows-1252, the standard's default for Western locales), and so does the comparison."""
    label = (label or "us-ascii").strip().lower()
    codec = WHATWG_CODECS.get(label, label)
    if codec.startswith("utf-16") and data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        codec = "utf-16"
    try:
        codecs.lookup(codec)
    except LookupError:
        codec = "cp1252"
    return data.decode(codec, "whatwg-c1" if codec == "cp1252" else "replace")


def decoded_payload(part):
    """The part's content after transfer decoding. Python gives back base64 it cannot decode (one
    character past a whole quantum: a truncated part) still encoded (bpo-27397); the whole quanta
    before that character decode, as any lenient decoder reads them."""
    data = part.get_payload(decode=True) or b""
    if str(part.get("content-transfer-encoding", "")).strip().lower() == "base64":
        text = part.get_payload(decode=False)
        letters = re.sub(r"[^A-Za-z0-9+/]", "", text if isinstance(text, str) else "")
        if len(letters) % 4 == 1 and "=" not in (text or ""):
            data = base64.b64decode(letters[:-1] + "=" * (-(len(letters) - 1) % 4))
    return data


_python_encoded_word = email._encoded_words.decode


def _encoded_word_whatwg(ew):
    """Python's encoded-word decoder with the charset read as the WHATWG standard reads it."""
    try:
        _, charset, cte, text, _ = ew.split("?")
    except ValueError:
        return _python_encoded_word(ew)
    name, star, language = charset.partition("*")
    codec = WHATWG_CODECS.get(name.strip().lower())
    if codec is not None:
        ew = "=?" + codec + star + language + "?" + cte + "?" + text + "?="
    return _python_encoded_word(ew)


email._encoded_words.decode = _encoded_word_whatwg


class ComparedPolicy(email.policy.EmailPolicy):
    """`email.policy.default`, with 8-bit header bytes read as Arkisto reads them: UTF-8 (RFC 6532),
    else windows-1252. Python's email package shows them as U+FFFD, RFC 6532 UTF-8 included; the
    comparison gives it the bytes already decoded, so that the parsing is what is compared."""

    def header_fetch_parse(self, name, value):
        if isinstance(value, str) and any("\udc80" <= c <= "\udcff" for c in value):
            data = value.encode("ascii", "surrogateescape")
            try:
                value = data.decode("utf-8")
            except UnicodeDecodeError:
                value = data.decode("cp1252", "whatwg-c1")
        return super().header_fetch_parse(name, value)


POLICY = ComparedPolicy()


def ids(value):
    return re.findall(r"<([^<>]*)>", value or "")


def first_id(value):
    found = ids(value)
    if found:
        return found[0]
    # An id whose ">" is missing (`<2007...@example`) is still that id, as Arkisto reads it.
    value = (value or "").strip().lstrip("<").rstrip(">").strip()
    return value or None


def comment_name(comments):
    """The display name RFC 822 mail gives a bare address in a comment (`bbb@ddd.com (John X. Doe)`).

    Python's header registry parses these comments but leaves the display name empty; its
    `email.utils.parseaddr` takes the comment as the name, and so does Arkisto (issue 16). The
    comparison reads the same comments from Python's own parse tree, joined with a space, encoded
    words decoded (RFC 2047 §5 allows them in comments; parseaddr decodes none, not even in a
    phrase) and white space collapsed as in a phrase."""
    text = " ".join(comments)
    try:
        text = str(email.header.make_header(email.header.decode_header(text)))
    except Exception:
        pass
    return " ".join(text.split()) or None


def addresses(msg, name):
    header = msg[name]
    if header is None:
        return []
    tree = getattr(header, "_parse_tree", None)
    mailboxes = [mb for group in tree.addresses for mb in group.all_mailboxes] if tree is not None else []
    result = []
    for index, a in enumerate(header.addresses):
        display = a.display_name or None
        if display is None and len(mailboxes) == len(header.addresses):
            mailbox = mailboxes[index]
            if mailbox and mailbox[0].token_type == "addr-spec" and mailbox.comments:
                display = comment_name(mailbox.comments)
        # Python spells an empty address (`MAILER-DAEMON <>`, the null sender) "<>"; Arkisto "".
        address = "" if a.addr_spec == "<>" else a.addr_spec.lower()
        result.append({"name": display, "address": address})
    return result


def normalize_text(text):
    # Arkisto drops NUL characters from text (recording a nul_bytes defect); Python keeps them.
    text = text.replace("\x00", "")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join(line.rstrip(" \t") for line in text.split("\n"))
    return unicodedata.normalize("NFC", text)


def is_message(part):
    """An attached message (message/rfc822, a delivery report, an external body...): Python parses
    its body as a message of its own; Arkisto lists it as one attachment, not the enclosing
    message's text (issue 16), and so does this comparison."""
    return part.get_content_maintype() == "message"


def leaves(part):
    """Leaves of the tree, depth first in order, descending into multiparts; attached messages
    (`is_message`) are leaves."""
    stack = [part]
    while stack:
        p = stack.pop()
        if p.is_multipart() and not is_message(p):
            children = p.get_payload()
            if isinstance(children, list):
                stack.extend(reversed(children))
            continue
        yield p


def is_attachment(part):
    """Arkisto's rule: a disposition of `attachment`, a file name, an attached message, or the header
    block a bounce returns (`text/rfc822-headers`, RFC 6522), which Python also yields from
    `iter_attachments()` but which its get_body() never chooses."""
    return (part.get_content_disposition() == "attachment" or part.get_filename() is not None or is_message(part)
            or part.get_content_type() == "text/rfc822-headers")


# A Content-Type field naming a message/* type or a digest (also folded after the colon).
MESSAGE_TYPE_FIELD = re.compile(rb"(?im)^(content-type:[ \t]*(?:\r?\n[ \t]+)?)(message/|multipart/digest)")


def opaque_message_sizes(raw):
    """The body sizes of the attached messages, in tree order, as Python's own multipart splitting
    cuts them. Python keeps no bytes of a part it parses as a message (its generator writes one back
    with differences: a blank line added where the header had no end, a lone close delimiter
    dropped), so the message is parsed a second time with each `message/` Content-Type renamed
    `xessage/` and each digest `multipart/xdigest` (whose parts default to text/plain): those parts
    are then opaque leaves whose payload is their body as written."""
    renamed = MESSAGE_TYPE_FIELD.sub(
        lambda m: m.group(1) + (b"xessage/" if m.group(2).lower() == b"message/" else b"multipart/xdigest"), raw)
    msg = email.message_from_bytes(renamed, policy=POLICY)
    sizes = []
    stack = [(msg, False)]
    while stack:
        part, in_digest = stack.pop()
        if part.is_multipart():
            children = part.get_payload()
            digest = part.get_content_type() == "multipart/xdigest"
            stack.extend((child, digest) for child in reversed(children if isinstance(children, list) else []))
        elif part.get_content_maintype() == "xessage" or (in_digest and part["Content-Type"] is None):
            sizes.append(len(part.get_payload(decode=True) or b""))
    return sizes


def content_type(part):
    """Python's content type, cut where white space ends the media type: Python takes everything
    before the first ";" (`application/pdf name="x.pdf"`, a parameter that lost its ";", is all
    one type there); white space around the "/" goes, as RFC 2045's tokens allow it."""
    value = re.sub(r"\s*/\s*", "/", part.get_content_type())
    return value.split()[0] if value.split() else value


def attachments(msg, raw):
    parts = [p for p in leaves(msg) if is_attachment(p)]
    messages = [p for p in parts if is_message(p)]
    sizes = opaque_message_sizes(raw) if messages else []
    message_sizes = dict(zip(map(id, messages), sizes)) if len(sizes) == len(messages) else {}
    return [
        {"filename": p.get_filename(), "content_type": content_type(p),
         "size_decoded_bytes": message_sizes.get(id(p)) if is_message(p) else len(decoded_payload(p))}
        for p in parts
    ]


def leaf_text(part):
    """A text leaf's text, as `get_content()` gives it but with the charset read by `decode_text`."""
    return decode_text(decoded_payload(part), part.get_content_charset())


class TextExtractor(html.parser.HTMLParser):
    """HTML to text with the same elements hidden and separated as HTMLText does."""

    HIDDEN = {"script", "style", "title", "template", "head"}
    BLOCKS = {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "listing", "ul", "ol", "dl", "table",
        "hr", "address", "figure", "fieldset", "div", "section", "article", "header", "footer", "nav",
        "aside", "main", "center", "dt", "dd", "caption", "figcaption", "details", "summary", "form",
        "legend", "option", "tbody", "thead", "tfoot", "noscript", "body", "html", "li", "tr", "br",
        "td", "th",
    }
    HEAD_ELEMENTS = {"title", "meta", "link", "base", "basefont", "bgsound", "style", "script", "noscript"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.pieces = []
        self.hidden = []
        self.in_head = False

    def handle_starttag(self, tag, attrs):
        if tag == "head":
            self.in_head = True
            return
        if tag not in self.HEAD_ELEMENTS:
            self.in_head = False
        if tag in ("script", "style", "title", "template"):
            self.hidden.append(tag)
        if tag in self.BLOCKS:
            self.pieces.append("\n")
        if tag == "li" and not self.hidden:
            self.pieces.append("- ")

    def handle_startendtag(self, tag, attrs):
        if tag in self.BLOCKS:
            self.pieces.append("\n")

    def handle_endtag(self, tag):
        if tag == "head":
            self.in_head = False
        if tag in self.hidden:
            while self.hidden and self.hidden.pop() != tag:
                pass
        if tag in self.BLOCKS:
            self.pieces.append("\n")

    def handle_data(self, data):
        if self.hidden:
            return
        if self.in_head:
            if not data.strip():
                return
            self.in_head = False
        self.pieces.append(data.replace("\xa0", " ").replace("\xad", ""))


def html_to_text(markup):
    parser = TextExtractor()
    parser.feed(markup)
    parser.close()
    return "".join(parser.pieces)


def squash(text):
    return " ".join((text or "").split())


def python_fields(raw):
    msg = email.message_from_bytes(raw, policy=POLICY)
    fields = {}

    def field(name, compute):
        try:
            fields[name] = compute()
        except Exception as error:  # a Python failure is a disagreement with a reason
            fields[name] = {"__python_error__": f"{type(error).__name__}: {error}"}

    field("message_id", lambda: first_id(str(msg["Message-ID"])) if msg["Message-ID"] is not None else None)
    field("in_reply_to", lambda: first_id(str(msg["In-Reply-To"])) if msg["In-Reply-To"] is not None else None)
    field("references", lambda: ids(str(msg["References"])) if msg["References"] is not None else [])

    def date():
        header = msg["Date"]
        if header is None or header.datetime is None:
            return None
        value = header.datetime
        if 100 <= value.year < 1000:
            # RFC 5322 §4.3: 1900 is added to a three-digit year ("2 Apr 101" is 2001); Python keeps 101.
            value = value.replace(year=value.year + 1900)
        if value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

    field("date", date)
    field("subject", lambda: str(msg["Subject"]) if msg["Subject"] is not None else None)
    for name, header in (("from", "From"), ("to", "To"), ("cc", "Cc")):
        field(name, lambda header=header: addresses(msg, header))

    def texts(content_type):
        return [p for p in leaves(msg) if p.get_content_type() == content_type and not is_attachment(p)]

    field("text", lambda: normalize_text("\n".join(leaf_text(p) for p in texts("text/plain"))))
    field("html_text", lambda: normalize_text("\n".join(html_to_text(leaf_text(p)) for p in texts("text/html"))))
    field("html_present", lambda: bool(texts("text/html")))
    field("attachments", lambda: attachments(msg, raw))

    def defects():
        """Python's defects of the compared kinds. Python finds a base64 defect only in a part whose
        payload something decodes, Arkisto in every part: every leaf is decoded first. The blocks
        of a delivery report are read by Python as header blocks, where a line that is no field
        counts as a missing header/body separator; Arkisto reads a report as text (no such
        defect), so defects of those blocks are left out."""
        found = set()
        stack = [(msg, False)]
        while stack:
            part, in_report = stack.pop()
            payload = part.get_payload()
            if isinstance(payload, list):
                report = part.get_content_type() == "message/delivery-status"
                stack.extend((child, in_report or report) for child in payload)
            else:
                try:
                    part.get_payload(decode=True)
                except Exception:
                    pass
            if in_report:
                continue
            for defect in part.defects:
                kind = PYTHON_DEFECTS.get(type(defect).__name__)
                if kind:
                    found.add(kind)
        return sorted(found)

    field("defects", defects)
    return fields


def python_fields_for_file(path):
    try:
        with open(path, "rb") as f:
            return python_fields(f.read())
    except Exception as error:
        return {name: {"__python_error__": f"{type(error).__name__}: {error}"} for name in FIELDS}


# --------------------------------------------------------------------------------------------
# Comparison


ATTACHMENT_FIELDS = ("filename", "content_type", "size_decoded_bytes")


def comparable(name, ours, theirs):
    """The two values as compared for a field."""
    if name == "html_text":
        return squash(ours), squash(theirs)
    if name == "subject":
        return (ours.strip() if isinstance(ours, str) else ours), (theirs.strip() if isinstance(theirs, str) else theirs)
    if name == "defects":
        return sorted(set(d for d in (ours or []) if d in COMPARED_DEFECTS)), theirs
    if name == "attachments" and isinstance(ours, list):
        # Python reads no attachment's text: only the fields it has are compared.
        return [{key: a.get(key) for key in ATTACHMENT_FIELDS} if isinstance(a, dict) else a for a in ours], theirs
    return ours, theirs


def shorten(value, limit=160):
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def main():
    ap = argparse.ArgumentParser(description="Compare arkisto parse --json with Python's email package.")
    ap.add_argument("--arkisto", help="the arkisto binary (default: .build-mbox/debug/arkisto, .build/debug/arkisto, "
                    ".build/release/arkisto next to this script's package, or arkisto on PATH)")
    ap.add_argument("--examples", type=int, default=3, help="examples per disagreeing field (default 3)")
    ap.add_argument("--batch-size", type=int, default=400, help="files per arkisto run (default 400)")
    ap.add_argument("--limit", type=int, default=0, help="compare at most this many messages")
    ap.add_argument("--jobs", type=int, default=max(1, min(4, os.cpu_count() or 1)), help="Python worker processes")
    ap.add_argument("paths", nargs="+", metavar="FILE_OR_DIR")
    args = ap.parse_args()

    binary = args.arkisto or os.environ.get("ARKISTO")
    if not binary:
        package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        for candidate in (".build-mbox/debug/arkisto", ".build/debug/arkisto", ".build/release/arkisto"):
            if os.access(os.path.join(package, candidate), os.X_OK):
                binary = os.path.join(package, candidate)
                break
        else:
            binary = shutil.which("arkisto")
    if not binary or not os.access(binary, os.X_OK):
        print("compare-email: no arkisto binary (build it, or pass --arkisto PATH)", file=sys.stderr)
        return 2
    probe = subprocess.run([binary, "parse", "--help"], capture_output=True)
    if probe.returncode != 0:
        print(f"compare-email: {binary} has no working `parse` command", file=sys.stderr)
        return 2

    with tempfile.TemporaryDirectory(prefix="compare-email-") as tmp_dir:
        messages = collect(args.paths, tmp_dir)
        if args.limit:
            messages = messages[: args.limit]
        if not messages:
            print("compare-email: no messages found", file=sys.stderr)
            return 2
        files = [f for _, f in messages]
        with concurrent.futures.ProcessPoolExecutor(max_workers=args.jobs) as pool:
            python_future = pool.map(python_fields_for_file, files, chunksize=64)
            ours_by_file = run_arkisto(binary, files, args.batch_size)
            python_results = list(python_future)

    agree = {name: 0 for name in FIELDS}
    examples = {name: [] for name in FIELDS}
    python_errors = {name: 0 for name in FIELDS}
    not_parsed = []
    unparsed_examples = {name: [] for name in FIELDS}  # used only when a field has no other example
    for (label, f), theirs_all in zip(messages, python_results):
        ours_all = ours_by_file[f]
        if "__error__" in ours_all:
            not_parsed.append((label, ours_all["__error__"]))
        for name in FIELDS:
            theirs = theirs_all.get(name)
            if "__error__" in ours_all:
                ok, ours = False, {"__arkisto_error__": ours_all["__error__"]}
            elif isinstance(theirs, dict) and "__python_error__" in theirs:
                ok, ours = False, ours_all.get(name)
                python_errors[name] += 1
            else:
                ours = ours_all.get(name)
                a, b = comparable(name, ours, theirs)
                ok = a == b
            if ok:
                agree[name] += 1
            elif "__error__" in ours_all:
                unparsed_examples[name].append((label, ours, theirs))
            elif len(examples[name]) < args.examples:
                examples[name].append((label, ours, theirs))

    total = len(messages)
    print(f"Messages compared: {total} (arkisto: {os.path.relpath(binary)})")
    if not_parsed:
        print(f"Not parsed by arkisto: {len(not_parsed)} (every field counted as a disagreement)")
        for label, reason in not_parsed[: args.examples]:
            print(f"  {label}: {reason}")
    print()
    print(f"{'field':<14}{'agree':>8}{'of':>8}{'%':>9}")
    for name in FIELDS:
        note = f"  (Python failed on {python_errors[name]})" if python_errors[name] else ""
        print(f"{name:<14}{agree[name]:>8}{total:>8}{100.0 * agree[name] / total:>8.2f}%{note}")
    overall = sum(agree.values()) / (total * len(FIELDS))
    print(f"{'overall':<14}{sum(agree.values()):>8}{total * len(FIELDS):>8}{100.0 * overall:>8.2f}%")
    if not_parsed and len(not_parsed) < total:
        parsed_fields = (total - len(not_parsed)) * len(FIELDS)
        print(f"{'overall, parsed messages only':<30}{sum(agree.values()) / parsed_fields * 100:>8.2f}%")
    print()
    print("Compared as: html_text with white space collapsed; subject stripped; defects only "
          + ", ".join(COMPARED_DEFECTS) + " (the kinds Python also reports).")
    for name in FIELDS:
        shown = (examples[name] + unparsed_examples[name])[: args.examples]
        if not shown:
            continue
        print()
        unparsed = len(unparsed_examples[name])
        print(f"== {name}: {total - agree[name]} disagreements" + (f" ({unparsed} of them not parsed by arkisto)" if unparsed else ""))
        for label, ours, theirs in shown:
            print(f"  {label}")
            print(f"    arkisto: {shorten(ours)}")
            print(f"    python:  {shorten(theirs)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
