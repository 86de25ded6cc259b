"""`tools/bench --only attachments`: the cost of reading what customers attach (issue 15).

1. PDFs: --pdf-variants (default 12) different 2-page PDFs of Finnish prose are made once with
   LibreOffice headless (`soffice --convert-to pdf`, Debian's), their text taken from the
   corpus's own e-mail bodies, so that each PDF has a real text layer.
2. The Maildir: a copy of the corpus's Maildir in which every tenth message (--pdf-share, default
   0.10) carries one of those PDFs: the message becomes multipart/mixed, its own body the first
   part, the PDF (base64) the second. The other messages are copied byte for byte.
3. Import: `arkisto import mail --no-ocr` (the load; the text layers are read inline on the
   import's workers), `notmuch new` and `mu index` of the same Maildir, best of --repeat, and the
   ratio to the faster of the two (target: at least 2x).
4. The OCR pass: --ocr-pages (default 40) messages, each with a 200-dpi PNG page of Finnish text
   (pdftoppm of the PDFs above), imported with --no-ocr, then `arkisto extract` under
   /usr/bin/time: pages per second and peak RSS.
"""
import base64, json, os, random, re, shutil, subprocess

def _bodies(maildir, count):
    """Plain Finnish paragraphs from the corpus's messages, for the PDFs' text."""
    paragraphs = []
    for sub in ("cur", "new"):
        folder = os.path.join(maildir, sub)
        for name in sorted(os.listdir(folder)):
            raw = open(os.path.join(folder, name), "rb").read()
            if b"Content-Transfer-Encoding: base64" in raw or b"quoted-printable" in raw:
                continue
            head, _, body = raw.partition(b"\n\n")
            if b"charset=utf-8" not in head.lower() or b"multipart" in head.lower():
                continue
            text = body.decode("utf-8", "replace").strip()
            if len(text) > 200:
                paragraphs.append(text)
            if len(paragraphs) >= count:
                return paragraphs
    return paragraphs


def make_pdfs(work, maildir, variants, log):
    folder = os.path.join(work, "pdfs")
    done = sorted(os.path.join(folder, n) for n in os.listdir(folder) if n.endswith(".pdf")) if os.path.isdir(folder) else []
    if len(done) >= variants:
        return done[:variants]
    os.makedirs(folder, exist_ok=True)
    paragraphs = _bodies(maildir, variants * 12)
    if not paragraphs:
        raise SystemExit(f"{maildir}: no plain UTF-8 message bodies to make PDFs of")
    sources = []
    for n in range(variants):
        text = []
        k = n * 12
        # About 75 lines of text: two pages of LibreOffice's default page (long lines wrap).
        while sum(line.count("\n") + 1 for line in text) < 75:
            text.append(paragraphs[k % len(paragraphs)])
            k += 1
        path = os.path.join(folder, f"lasku-{n + 1:02}.txt")
        with open(path, "w") as f:
            f.write(f"LASKU {n + 1:02}\n\n" + "\n\n".join(text) + "\n")
        sources.append(path)
    log(f"making {variants} PDFs with LibreOffice")
    profile = "file://" + os.path.join(work, "libreoffice-profile")
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", folder] + sources,
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    pdfs = [p[:-4] + ".pdf" for p in sources]
    for pdf in pdfs:
        pages = _pages(pdf)
        if pages != 2:
            raise SystemExit(f"{pdf}: {pages} page(s), expected 2: change the line count above")
    return pdfs


def _pages(pdf):
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def with_attachment(raw, name, content_type, data, boundary):
    """The message as multipart/mixed: its own body first, then the attachment."""
    newline = b"\r\n" if b"\r\n" in raw[:2000] else b"\n"
    separator = newline + newline
    head, found, body = raw.partition(separator)
    if not found:
        return None
    kept, moved = [], []
    current = None
    for line in head.split(newline):
        if line[:1] in (b" ", b"\t") and current is not None:
            current.append(line)
            continue
        current = moved if line.lower().startswith((b"content-", b"mime-version")) else kept
        current.append(line)
    inner_head = [line for line in moved if not line.lower().startswith(b"mime-version")]
    if not any(line.lower().startswith(b"content-type") for line in inner_head):
        inner_head.append(b"Content-Type: text/plain; charset=us-ascii")
    encoded = base64.encodebytes(data).replace(b"\n", newline)
    b = boundary.encode()
    parts = [
        newline.join(kept + [b"MIME-Version: 1.0", b'Content-Type: multipart/mixed; boundary="' + b + b'"']),
        b"",
        b"--" + b,
        newline.join(inner_head),
        b"",
        body.rstrip(b"\r\n"),
        b"--" + b,
        b"Content-Type: " + content_type.encode() + b'; name="' + name.encode() + b'"',
        b'Content-Disposition: attachment; filename="' + name.encode() + b'"',
        b"Content-Transfer-Encoding: base64",
        b"",
        encoded.rstrip(b"\r\n"),
        b"--" + b + b"--",
        b"",
    ]
    return newline.join(parts)


def make_maildir(work, maildir, pdfs, share, log):
    target = os.path.join(work, "maildir-pdf")
    shutil.rmtree(target, ignore_errors=True)
    for sub in ("cur", "new", "tmp"):
        os.makedirs(os.path.join(target, sub))
    chooser = random.Random(15)
    blobs = [open(p, "rb").read() for p in pdfs]
    files = with_pdf = 0
    for sub in ("cur", "new"):
        for name in sorted(os.listdir(os.path.join(maildir, sub))):
            source = os.path.join(maildir, sub, name)
            raw = open(source, "rb").read()
            out = None
            if chooser.random() < share:
                k = chooser.randrange(len(blobs))
                out = with_attachment(raw, f"lasku-{k + 1:02}.pdf", "application/pdf", blobs[k], f"=_bench_{files}")
            with open(os.path.join(target, sub, name), "wb") as f:
                f.write(out or raw)
            files += 1
            with_pdf += out is not None
    log(f"Maildir copy: {files} messages, {with_pdf} with a 2-page PDF ({with_pdf / files:.1%})")
    return target, files, with_pdf


def make_ocr_maildir(work, pdfs, pages, log):
    images = os.path.join(work, "pages")
    os.makedirs(images, exist_ok=True)
    pngs = []
    for pdf in pdfs:
        stem = os.path.join(images, os.path.basename(pdf)[:-4])
        if not os.path.exists(stem + "-1.png"):
            subprocess.run(["pdftoppm", "-r", "200", "-png", "-f", "1", "-l", "2", pdf, stem], check=True)
        pngs += sorted(os.path.join(images, n) for n in os.listdir(images)
                       if n.startswith(os.path.basename(stem) + "-") and n.endswith(".png"))
    pngs = sorted(set(pngs))
    target = os.path.join(work, "maildir-ocr")
    shutil.rmtree(target, ignore_errors=True)
    for sub in ("cur", "new", "tmp"):
        os.makedirs(os.path.join(target, sub))
    for n in range(pages):
        png = pngs[n % len(pngs)]
        raw = (f"From: Asiakas {n} <asiakas{n}@example.fi>\nTo: tuki@esimerkkiverkko.example\n"
               f"Subject: Kuvakaappaus {n}\nMessage-ID: <ocr-{n}@bench.example>\n"
               f"Date: Mon, 07 Dec 2026 10:{n % 60:02}:00 +0200\n\nLiitteenä kuvakaappaus.\n").encode()
        out = with_attachment(raw, f"kuvakaappaus-{n}.png", "image/png", open(png, "rb").read(), f"=_ocr_{n}")
        with open(os.path.join(target, "cur", f"{n}.bench:2,S"), "wb") as f:
            f.write(out)
    log(f"OCR Maildir: {pages} messages with a 200-dpi PNG page")
    return target


def measure(args, work, corpus, label, timed, arkisto_import, notmuch_index, mu_index, warm, maildir_files, table, log):
    maildir = os.path.join(corpus, "mail", "Maildir")
    pdfs = make_pdfs(work, maildir, args.pdf_variants, log)
    copy, files, with_pdf = make_maildir(work, maildir, pdfs, args.pdf_share, log)
    paths = maildir_files(copy)
    input_bytes = warm(paths)
    best = {}
    for _ in range(args.repeat):
        for run in (lambda: arkisto_import(args, work, copy, len(paths), input_bytes, f"{label}-pdf", ["--no-ocr"]),
                    lambda: notmuch_index(work, copy, len(paths), input_bytes),
                    lambda: mu_index(work, copy, len(paths), input_bytes)):
            row = run()
            log(f"  {row['tool']}: {row['seconds']:.2f} s, {row['rate']:.0f} msg/s, peak RSS {row['peak_rss_mib']:.0f} MiB")
            if row["tool"] not in best or row["seconds"] < best[row["tool"]]["seconds"]:
                best[row["tool"]] = row
    rows = [best["arkisto"], best["notmuch new"], best["mu index"]]
    faster = max(best["notmuch new"]["rate"], best["mu index"]["rate"])
    archive = best["arkisto"]["archive"]
    found = subprocess.run([args.arkisto, "search", "--archive", archive, "--json", "--limit", "1", "filename:pdf"],
                           capture_output=True, text=True)
    entry = {"maildir_messages": len(paths), "with_pdf": with_pdf, "maildir_mib": input_bytes / 1048576, "rows": rows,
             "ratio_vs_faster": best["arkisto"]["rate"] / faster}
    try:
        entry["pdf_messages_found"] = json.loads(found.stdout).get("total")
    except json.JSONDecodeError:
        entry["pdf_messages_found"] = None

    ocr = make_ocr_maildir(work, pdfs, args.ocr_pages, log)
    ocr_archive = os.path.join(work, f"{label}-ocr.sqlite")
    for suffix in ("", "-wal", "-shm", ".pidkey"):
        if os.path.exists(ocr_archive + suffix):
            os.remove(ocr_archive + suffix)
    subprocess.run([args.arkisto, "import", "mail", "--archive", ocr_archive, "--quiet", "--no-ocr", ocr],
                   check=True, stdout=subprocess.DEVNULL)
    seconds, rss, out = timed([args.arkisto, "extract", "--archive", ocr_archive, "--json"])
    summary = json.loads(out) if out.strip().startswith("{") else {}
    recognised = summary.get("recognised", args.ocr_pages)
    entry["ocr"] = {"pages": args.ocr_pages, "recognised": recognised, "failed": summary.get("failed"),
                    "seconds": seconds, "pages_per_s": recognised / seconds if seconds else 0, "peak_rss_mib": rss,
                    "cores": os.cpu_count()}
    print(f"\n== {label}: Maildir of {len(paths)} messages, {with_pdf} with a 2-page PDF "
          f"({with_pdf / len(paths):.1%}), {input_bytes / 1048576:.1f} MiB, warm page cache (best of {args.repeat})")
    print(table(rows))
    print(f"arkisto (load, --no-ocr) / faster of notmuch and mu: {entry['ratio_vs_faster']:.2f}x "
          f"(target >= 2.00x: {'met' if entry['ratio_vs_faster'] >= 2 else 'NOT met'}); "
          f"`filename:pdf` finds {entry['pdf_messages_found']} messages")
    o = entry["ocr"]
    print(f"OCR pass (`arkisto extract`, {o['cores']} cores): {o['recognised']} of {o['pages']} pages in {o['seconds']:.1f} s, "
          f"{o['pages_per_s']:.2f} pages/s, peak RSS {o['peak_rss_mib']:.0f} MiB")
    return entry
