#!/usr/bin/env python3
"""Compare how Arkisto and Python's `email` package read the same messages.

Runs `arkisto parse --json FILE...` in batches, computes the same fields with
`email.message_from_bytes(raw, policy=email.policy.default)`, and prints the agreement per field,
the overall agreement and examples of each disagreement.

Inputs: message files, Maildirs (cur/ and new/), directories (walked for Maildirs, *.eml files and
mbox files) and mbox files. An mbox is split the way Arkisto's reader splits it (a `From ` line at
the start of the file or after an empty line starts a message; mboxrd un-escaping; the separator
newline removed), not with `mailbox.mbox` (which splits at every `From ` line and does not
un-escape); each message goes to a temporary file named `MBOXNAME@OFFSET`.

Python standard library only. Exit status 0 unless the comparison could not run.
"""

import argparse
import concurrent.futures
import email
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
        proc = subprocess.run([binary, "parse", "--json", *batch], capture_output=True)
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


def ids(value):
    return re.findall(r"<([^<>]*)>", value or "")


def first_id(value):
    found = ids(value)
    if found:
        return found[0]
    value = (value or "").strip()
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
        result.append({"name": display, "address": a.addr_spec.lower()})
    return result


def normalize_text(text):
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
    return part.get_content_disposition() == "attachment" or part.get_filename() is not None or is_message(part)


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
    msg = email.message_from_bytes(renamed, policy=email.policy.default)
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


def attachments(msg, raw):
    parts = [p for p in leaves(msg) if is_attachment(p)]
    messages = [p for p in parts if is_message(p)]
    sizes = opaque_message_sizes(raw) if messages else []
    message_sizes = dict(zip(map(id, messages), sizes)) if len(sizes) == len(messages) else {}
    return [
        {"filename": p.get_filename(), "content_type": p.get_content_type(),
         "size_decoded_bytes": message_sizes.get(id(p)) if is_message(p) else len(p.get_payload(decode=True) or b"")}
        for p in parts
    ]


def leaf_text(part):
    try:
        return part.get_content()
    except Exception:
        payload = part.get_payload(decode=True) or b""
        return payload.decode(part.get_content_charset() or "us-ascii", "replace")


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
    msg = email.message_from_bytes(raw, policy=email.policy.default)
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
        found = set()
        for part in msg.walk():
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


def comparable(name, ours, theirs):
    """The two values as compared for a field."""
    if name == "html_text":
        return squash(ours), squash(theirs)
    if name == "subject":
        return (ours.strip() if isinstance(ours, str) else ours), (theirs.strip() if isinstance(theirs, str) else theirs)
    if name == "defects":
        return sorted(set(d for d in (ours or []) if d in COMPARED_DEFECTS)), theirs
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
