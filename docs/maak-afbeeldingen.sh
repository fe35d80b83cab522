#!/usr/bin/env bash
# Regenerates the README's pictures from the example, headless:
#   docs/grafiek-bezwaar-en-beroep.png   brutonetto chart (needs brutonetto[grafiek])
#   docs/budget-versterking-vakmanschap.png, docs/tornado-uitkeren.png: budget and sensitivity
#   docs/werkboek-bezwaar-en-beroep.png  the Resultaat sheet of the workbook as a Dutch
#                                        LibreOffice Calc prints it (needs brutonetto[xlsx],
#                                        libreoffice-calc-nogui and poppler-utils)
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m brutonetto chart examples/bezwaar-en-beroep.yaml --output docs/grafiek-bezwaar-en-beroep.png
python3 -m brutonetto budget examples/versterking-vakmanschap.yaml --output docs/budget-versterking-vakmanschap.png
python3 -m brutonetto sensitivity examples/uitkeren.yaml --vary "aftrek.leren_en_ontwikkelen=150..183 uur" \
  --vary "aftrek.verzuim=4,2..5,7%" --vary "beschikbare_uren=1600..1660" --output docs/tornado-uitkeren.png
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 -m brutonetto compute examples/bezwaar-en-beroep.yaml --format xlsx --output "$tmp/werkboek.xlsx"
profiel="$tmp/profiel"
soffice -env:UserInstallation=file://"$profiel" --headless --terminate_after_init >/dev/null 2>&1 || true
# show numbers as a Dutch Calc does: 1.631,0 and € 907.889
python3 - "$profiel/user/registrymodifications.xcu" <<'PY'
import sys
pad = sys.argv[1]
tekst = open(pad, encoding="utf-8").read()
item = ('<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse">'
        '<value>nl-NL</value></prop></item>\n')
open(pad, "w", encoding="utf-8").write(tekst.replace("</oor:items>", item + "</oor:items>"))
PY
soffice -env:UserInstallation=file://"$profiel" --headless --convert-to pdf --outdir "$tmp" "$tmp/werkboek.xlsx" >/dev/null 2>&1
pdftoppm -r 170 -f 2 -l 2 -png "$tmp/werkboek.pdf" "$tmp/pagina"   # page 2: the Resultaat sheet
python3 - "$tmp"/pagina*.png docs/werkboek-bezwaar-en-beroep.png <<'PY'
import sys
from PIL import Image, ImageOps
beeld = Image.open(sys.argv[1]).convert("RGB")
x0, y0, x1, y1 = ImageOps.invert(beeld).getbbox()
beeld.crop((x0 - 15, y0 - 15, x1 + 15, y1 + 15)).save(sys.argv[2])
PY
echo "docs/*.png bijgewerkt"
