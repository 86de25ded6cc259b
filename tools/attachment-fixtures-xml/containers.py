"""The ZIP and forwarded-message fixtures, made from the LibreOffice ones by Python's own
zipfile and email packages: liitteet.zip (a DOCX, a text file and a folder) and
valitetty.eml (a forward whose attached message carries the DOCX)."""
import sys
import zipfile
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

fixtures = Path(sys.argv[1])
docx = (fixtures / "asiakaskirje.docx").read_bytes()
sources = Path(__file__).resolve().parent
note = (sources / "muistio.txt").read_text(encoding="utf-8")

with zipfile.ZipFile(fixtures / "liitteet.zip", "w", compression=zipfile.ZIP_DEFLATED) as archive:
    archive.writestr("asiakirjat/", "")
    archive.writestr("asiakirjat/asiakaskirje.docx", docx)
    archive.writestr("muistio.txt", note.encode("utf-8"))

inner = EmailMessage()
inner["From"] = "Maija Virtanen <maija.virtanen@example.fi>"
inner["To"] = "asiakaspalvelu@lakeudenenergia.example"
inner["Subject"] = "Reklamaatio: marraskuun lasku"
inner["Date"] = "Mon, 30 Nov 2026 09:15:00 +0200"
inner.set_content((sources / "saate.txt").read_text(encoding="utf-8"))
inner.add_attachment(docx, maintype="application",
                     subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
                     filename="reklamaatio.docx")

outer = EmailMessage()
outer["From"] = "Tiimin Esihenkilö <esihenkilo@lakeudenenergia.example>"
outer["To"] = "laskutus@lakeudenenergia.example"
outer["Subject"] = "VL: Reklamaatio: marraskuun lasku"
outer["Date"] = "Tue, 01 Dec 2026 08:00:00 +0200"
outer.set_content("Välitän asiakkaan reklamaation käsiteltäväksenne. Hoitakaa hyvitys tällä viikolla.\n")
outer.add_attachment(inner)
(fixtures / "valitetty.eml").write_bytes(outer.as_bytes(policy=SMTP))
