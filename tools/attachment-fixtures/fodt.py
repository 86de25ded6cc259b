#!/usr/bin/env python3
"""Writes a flat OpenDocument text (.fodt) for LibreOffice to convert: each input text file is one
page (a page break before every file but the first); paragraphs are separated by blank lines.
Usage: fodt.py OUT WIDTH_CM HEIGHT_CM FONT_PT PAGE_TEXT_FILE..."""
import sys
from xml.sax.saxutils import escape

out, width, height, size, *pages = sys.argv[1:]
paragraphs = []
for number, path in enumerate(pages):
    with open(path, encoding="utf-8") as f:
        blocks = [b.strip().replace("\n", " ") for b in f.read().split("\n\n") if b.strip()]
    for index, block in enumerate(blocks):
        style = "Break" if number > 0 and index == 0 else "Body"
        paragraphs.append(f'<text:p text:style-name="{style}">{escape(block)}</text:p>')

document = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:styles>
  <style:style style:name="Body" style:family="paragraph">
   <style:paragraph-properties fo:margin-bottom="0.3cm"/>
   <style:text-properties style:font-name="Liberation Serif" fo:font-family="'Liberation Serif'" fo:font-size="{size}pt" fo:language="fi" fo:country="FI"/>
  </style:style>
  <style:style style:name="Break" style:family="paragraph" style:parent-style-name="Body">
   <style:paragraph-properties fo:break-before="page"/>
  </style:style>
 </office:styles>
 <office:automatic-styles>
  <style:page-layout style:name="Page">
   <style:page-layout-properties fo:page-width="{width}cm" fo:page-height="{height}cm"
    fo:margin-top="1cm" fo:margin-bottom="1cm" fo:margin-left="1.2cm" fo:margin-right="1.2cm"/>
  </style:page-layout>
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="Page"/>
 </office:master-styles>
 <office:body><office:text>
{chr(10).join(paragraphs)}
 </office:text></office:body>
</office:document>
"""
with open(out, "w", encoding="utf-8") as f:
    f.write(document)
