"""Invoices as Python invoicing systems draw them: ReportLab's canvas with a standard font (and a
filled-in form), and
fpdf2 (the FPDF family) with a core font and with an embedded TrueType font.
Usage: python laskut_python.py OUTPUT_FOLDER   (needs: pip install reportlab fpdf2)"""
import sys
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from fpdf import FPDF

out = sys.argv[1]
rows = [
    ("Perusmaksu, joulukuu", "1 kk", "4,90", "4,90"),
    ("Sähköenergia yöaikaan", "214 kWh", "0,0890", "19,05"),
    ("Sähköenergia päiväaikaan", "398 kWh", "0,1270", "50,55"),
    ("Hyvitys väärästä mittarilukemasta", "1", "-8,40", "-8,40"),
]
notes = [
    "Pahoittelemme edellisen laskun virhettä. Mittarilukema oli kirjattu väärin, ja",
    "erotus on hyvitetty tällä laskulla. Öljy- ja kaasulämmityksen asiakkaat saavat",
    "oman laskunsa erikseen. Huomautukset neljäntoista päivän kuluessa, kiitos.",
]

c = canvas.Canvas(f"{out}/lasku-reportlab.pdf", pagesize=A4)
c.setFont("Helvetica-Bold", 18)
c.drawString(60, 780, "LASKU 2024-33107")
c.setFont("Helvetica", 10)
c.drawString(60, 755, "Laskuttaja: Itä-Suomen Energia Oy, Y-tunnus 3456789-0")
c.drawString(60, 741, "Asiakas: Björn Åström, Kärkikuja 7, 70100 Kuopio")
y = 700
for columns in [("Tuote", "Määrä", "A-hinta", "Yhteensä")] + rows:
    for x, text in zip((60, 300, 380, 460), columns):
        c.drawString(x, y, text)
    y -= 16
c.drawRightString(520, y - 10, "Maksettava yhteensä 66,10 €")
text = c.beginText(60, y - 50)
text.setLeading(14)
for line in notes:
    text.textLine(line)
c.drawText(text)
c.showPage()
c.save()

# A form filled in by an invoicing system: the values live in the fields' appearance streams.
c = canvas.Canvas(f"{out}/lomake-reportlab.pdf", pagesize=A4)
c.setFont("Helvetica", 11)
for y, label, value in [(780, "Asiakasnumero", "558201"), (750, "Reklamaation aihe", "Laskutusvirhe syyskuussa"),
                        (720, "Yhteyshenkilö", "Åsa Mäkinen-Öberg")]:
    c.drawString(60, y, label)
    c.acroForm.textfield(name=label, value=value, x=200, y=y - 6, width=300, height=20)
c.showPage()
c.save()

def fpdf_invoice(path, font):
    pdf = FPDF()
    pdf.add_page()
    if font == "core":
        pdf.set_font("helvetica", size=11)
    else:
        pdf.add_font("LiberationSans", fname=font)
        pdf.set_font("LiberationSans", size=11)
    pdf.cell(0, 10, "LASKU 2024-44218", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 7, "Laskuttaja: Länsirannikon Vesi Oy, Y-tunnus 4567890-1", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 7, "Asiakas: Päivi Hämäläinen, Åsgatan 2, 65100 Vaasa", new_x="LMARGIN", new_y="NEXT")
    for columns in [("Tuote", "Määrä", "A-hinta", "Yhteensä")] + rows:
        for width, text in zip((80, 35, 30, 30), columns):
            pdf.cell(width, 8, text, border=1)
        pdf.ln()
    pdf.ln(4)
    pdf.multi_cell(0, 6, " ".join(notes))
    pdf.output(path)

fpdf_invoice(f"{out}/lasku-fpdf.pdf", "core")
fpdf_invoice(f"{out}/lasku-fpdf-ttf.pdf", "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf")
