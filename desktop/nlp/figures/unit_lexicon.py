"""The unit lexicon: which words and symbols after (or, for currencies, before) a
number name a unit, with its code and the kind of figure it makes.

``code`` is the ISO 4217 code for money and a short pint-style symbol otherwise
(t, km, kWh, ha, bbl, TEU, %, pp, point, year, month, day, h); "point" is a point of
a market index ("the Dax fell 16.29 points").
"""

from __future__ import annotations

# code | kind | symbols, matched in their exact case | words, in any case ("(s)" adds a plural)
_LEXICON = """
% | percent | %, ％, pct | percent, per cent, pct.
pp | percent | pp, p.p. | percentage point(s), percent point(s)
bp | percent | bp, bps | basis point(s)
°C | temperature | °C, ºC, ° C, ℃, C | degree(s) Celsius, degree(s) centigrade, Celsius, centigrade, celcius, degree(s) C, deg C, deg. C, deg Celsius
°F | temperature | °F, ºF, ° F, ℉, F | degree(s) Fahrenheit, Fahrenheit, farenheit, degree(s) F, deg F, deg. F, deg Fahrenheit
K | temperature | K | kelvin(s)
deg | quantity | °, º | degree(s), deg, deg.
m | quantity | m | metre(s), meter(s)
km | quantity | km, kms | kilometre(s), kilometer(s)
cm | quantity | cm | centimetre(s), centimeter(s)
mm | quantity | mm | millimetre(s), millimeter(s)
µm | quantity | µm, μm | micrometre(s), micrometer(s), micron(s)
nm | quantity | nm | nanometre(s), nanometer(s)
pm | quantity | pm | picometre(s), picometer(s)
am | quantity | am | attometre(s), attometer(s)
mi | quantity | mi | mile(s)
nmi | quantity | nmi | nautical mile(s)
ft | quantity | ft | foot, feet
in | quantity | in, " | inch, inches
yd | quantity | yd, yds | yard(s)
ly | quantity | ly | light-year(s)
ha | quantity | ha | hectare(s)
acre | quantity | ac | acre(s)
km2 | quantity | sqkm |
m2 | quantity | sqm |
cm3 | quantity | cc |
L | quantity | L, l, ltr | litre(s), liter(s)
mL | quantity | ml, mL | millilitre(s), milliliter(s)
cL | quantity | cl, cL | centilitre(s), centiliter(s)
gal | quantity | gal | gallon(s)
bbl | quantity | bbl, bbls | barrel(s)
bcm | quantity | bcm |
mcm | quantity | mcm |
tcm | quantity | tcm |
bcf | quantity | bcf |
tcf | quantity | tcf |
cup | quantity | | cup(s)
tbsp | quantity | tbsp, Tbsp | tablespoon(s)
tsp | quantity | tsp | teaspoon(s)
pt | quantity | pt | pint(s)
qt | quantity | qt | quart(s)
floz | quantity | fl oz, fl. oz. | fluid ounce(s)
t | quantity | t, mt, MT | ton(s), tonne(s), metric ton(s), metric tonne(s)
kt | quantity | kt | kiloton(s), kilotonne(s)
Mt | quantity | Mt | megaton(s), megatonne(s)
Gt | quantity | Gt | gigaton(s), gigatonne(s)
kg | quantity | kg, kgs | kilogram(s), kilogramme(s), kilo(s)
g | quantity | g, gr | gram(s), gramme(s)
mg | quantity | mg | milligram(s), milligramme(s)
µg | quantity | µg, μg, mcg | microgram(s)
lb | quantity | lb, lbs | pound(s)
oz | quantity | oz | ounce(s)
ozt | quantity | ozt | troy ounce(s)
ct | quantity | | carat(s)
J | quantity | J | joule(s)
kJ | quantity | kJ | kilojoule(s)
MJ | quantity | MJ | megajoule(s)
GJ | quantity | GJ | gigajoule(s)
Wh | quantity | Wh | watt-hour(s)
kWh | quantity | kWh | kilowatt-hour(s)
MWh | quantity | MWh | megawatt-hour(s)
GWh | quantity | GWh | gigawatt-hour(s)
TWh | quantity | TWh | terawatt-hour(s)
cal | quantity | cal | calorie(s)
kcal | quantity | kcal | kilocalorie(s)
eV | quantity | eV | electronvolt(s), electron-volt(s)
keV | quantity | keV | kiloelectronvolt(s)
MeV | quantity | MeV | megaelectronvolt(s)
GeV | quantity | GeV | gigaelectronvolt(s)
TeV | quantity | TeV | teraelectronvolt(s)
BTU | quantity | BTU, Btu | British thermal unit(s)
toe | quantity | toe | tonne(s) of oil equivalent, ton(s) of oil equivalent
Mtoe | quantity | Mtoe |
W | quantity | W | watt(s)
kW | quantity | kW | kilowatt(s)
MW | quantity | MW, MWe | megawatt(s)
GW | quantity | GW | gigawatt(s)
TW | quantity | TW | terawatt(s)
hp | quantity | hp | horsepower
V | quantity | V | volt(s)
kV | quantity | kV | kilovolt(s)
mA | quantity | mA | milliamp(s), milliampere(s)
A | quantity | | amp(s), ampere(s)
mAh | quantity | mAh |
Hz | quantity | Hz | hertz
kHz | quantity | kHz | kilohertz
MHz | quantity | MHz | megahertz
GHz | quantity | GHz | gigahertz
rpm | quantity | rpm | revolutions per minute
bit | quantity | b, bit | bit(s)
kbit | quantity | kb, Kb, kbit | kilobit(s)
Mbit | quantity | Mb, Mbit | megabit(s)
Gbit | quantity | Gb, Gbit | gigabit(s)
B | quantity | B | byte(s)
kB | quantity | kB, KB | kilobyte(s)
MB | quantity | MB | megabyte(s)
GB | quantity | GB | gigabyte(s)
TB | quantity | TB | terabyte(s)
PB | quantity | PB | petabyte(s)
EB | quantity | EB | exabyte(s)
KiB | quantity | KiB | kibibyte(s)
MiB | quantity | MiB | mebibyte(s)
GiB | quantity | GiB | gibibyte(s)
kbit/s | quantity | kbps, kbit/s |
Mbit/s | quantity | Mbps, Mbit/s |
Gbit/s | quantity | Gbps, Gbit/s |
km/h | quantity | km/h, kph, kmh, km/hr | kilometre(s) per hour, kilometer(s) per hour
mph | quantity | mph | mile(s) per hour
m/s | quantity | m/s | metre(s) per second, meter(s) per second
kn | quantity | kn | knot(s)
Pa | quantity | Pa | pascal(s)
kPa | quantity | kPa | kilopascal(s)
MPa | quantity | MPa | megapascal(s)
hPa | quantity | hPa | hectopascal(s)
bar | quantity | bar |
mbar | quantity | mbar | millibar(s)
psi | quantity | psi |
atm | quantity | atm | atmosphere(s)
Gy | quantity | Gy | gray(s)
mGy | quantity | mGy | milligray(s)
Sv | quantity | Sv | sievert(s)
mSv | quantity | mSv | millisievert(s)
µSv | quantity | µSv, μSv | microsievert(s)
Bq | quantity | Bq | becquerel(s)
dB | quantity | dB | decibel(s)
ppm | quantity | ppm | part(s) per million
ppb | quantity | ppb | part(s) per billion
TEU | quantity | TEU, TEUs | twenty-foot equivalent unit(s)
point | quantity | pts | points
bbl/day | quantity | bpd, b/d, bopd |
t/day | quantity | tpd |
Mt/year | quantity | mtpa, MTPA, mtpy, Mtpa |
year | duration | yr, yrs | year(s)
month | duration | | month(s)
week | duration | wk, wks | week(s)
day | duration | | day(s)
h | duration | h, hr, hrs | hour(s)
min | duration | min, mins | minute(s)
s | duration | s, sec, secs | second(s)
ms | duration | ms | millisecond(s)
fortnight | duration | | fortnight(s)
decade | duration | | decade(s)
century | duration | | century, centuries
millennium | duration | | millennium, millennia
Myr | duration | Ma, Myr |
Gyr | duration | Ga, Gyr |
USD | money | USD, $ | dollar(s), US dollar(s), U.S. dollar(s), American dollar(s), usd
EUR | money | EUR, € | euro(s), eur
GBP | money | GBP, £ | pound(s) sterling, British pound(s), sterling, quid, gbp
JPY | money | JPY, ¥, 円 | yen, Japanese yen, jpy
CNY | money | CNY, RMB, 元 | yuan, renminbi, Chinese yuan, rmb, cny
KZT | money | KZT, ₸ | tenge, Kazakh tenge, kzt
AZN | money | AZN, ₼ | manat(s), Azerbaijani manat(s), azn
RUB | money | RUB, ₽ | ruble(s), rouble(s), Russian ruble(s), Russian rouble(s)
INR | money | INR, ₹ | rupee(s), Indian rupee(s)
PKR | money | PKR | Pakistani rupee(s)
LKR | money | LKR | Sri Lankan rupee(s)
CHF | money | CHF | Swiss franc(s)
CAD | money | CAD | Canadian dollar(s)
AUD | money | AUD | Australian dollar(s)
NZD | money | NZD | New Zealand dollar(s)
HKD | money | HKD | Hong Kong dollar(s)
SGD | money | SGD | Singapore dollar(s)
TWD | money | TWD | Taiwan dollar(s), New Taiwan dollar(s)
SEK | money | SEK | krona, kronor, Swedish krona, Swedish kronor
NOK | money | NOK | Norwegian krone, Norwegian kroner
DKK | money | DKK | Danish krone, Danish kroner
PLN | money | PLN, zł | zloty, zlotys, zlotych
CZK | money | CZK, Kč | koruna, korunas, Czech koruna
HUF | money | HUF | forint(s)
RON | money | RON | lei, Romanian lei
BGN | money | BGN | leva, Bulgarian lev
TRY | money | TRY, ₺, TL | lira(s), Turkish lira(s), Turkish lire
UAH | money | UAH, ₴ | hryvnia(s), hryvnya(s)
BYN | money | BYN | Belarusian ruble(s), Belarusian rouble(s)
GEL | money | GEL, ₾ | lari, laris
AMD | money | AMD, ֏ | dram(s)
UZS | money | UZS | soum(s), Uzbek sum
KGS | money | KGS | som, soms
TJS | money | TJS | somoni
TMT | money | TMT | Turkmen manat(s)
IRR | money | IRR | rial(s), Iranian rial(s)
IQD | money | IQD | Iraqi dinar(s)
SAR | money | SAR | riyal(s), Saudi riyal(s)
QAR | money | QAR | Qatari riyal(s)
AED | money | AED, Dh, Dhs | dirham(s), UAE dirham(s)
KWD | money | KWD | Kuwaiti dinar(s)
BHD | money | BHD | Bahraini dinar(s)
OMR | money | OMR | Omani rial(s)
JOD | money | JOD | Jordanian dinar(s)
EGP | money | EGP | Egyptian pound(s)
MAD | money | MAD | Moroccan dirham(s)
ZAR | money | ZAR | rand(s), South African rand(s)
NGN | money | NGN, ₦ | naira
KES | money | KES | Kenyan shilling(s)
BRL | money | BRL | reais, Brazilian real(s)
MXN | money | MXN | Mexican peso(s)
ARS | money | ARS | Argentine peso(s)
CLP | money | CLP | Chilean peso(s)
COP | money | COP | Colombian peso(s)
PHP | money | ₱ | Philippine peso(s)
KRW | money | KRW, ₩ | Korean won, South Korean won
THB | money | THB, ฿ | baht
MYR | money | MYR | ringgit
IDR | money | IDR | rupiah(s)
VND | money | VND, ₫ | dong
ILS | money | ILS, ₪, NIS | shekel(s), new shekel(s)
AFN | money | AFN | afghani(s)
MNT | money | MNT, ₮ | tugrik(s)
CRC | money | CRC, ₡ | colón, colones, Costa Rican colón
LAK | money | LAK, ₭ | kip, Lao kip
PYG | money | PYG, ₲ | guarani(s), guaraní(s)
GHS | money | GHS, ₵ | cedi(s)
BTC | money | BTC, ₿ | bitcoin(s)
 | money | | peso(s), franc(s), dinar(s), krone, kroner, shilling(s)
cent | money | ¢, c | cent(s)
penny | money | p | penny, pence, pennies
dime | money | | dime(s)
kopek | money | | kopek(s), kopeck(s), kopecks
tiyn | money | | tiyn
qapik | money | | qapik(s), qəpik(s)
"""


def _expand_words(field: str) -> list[str]:
    words = []
    for word in filter(None, (part.strip() for part in field.split(","))):
        if "(s)" in word:
            words += [word.replace("(s)", ""), word.replace("(s)", "s")]
        else:
            words.append(word)
    return words


def _split_list(field: str) -> list[str]:
    return [part.strip() for part in field.split(",") if part.strip()]


_LENGTHS_FOR_AREA = {
    "m": ("metre", "meter"), "km": ("kilometre", "kilometer"), "cm": ("centimetre", "centimeter"),
    "mm": ("millimetre", "millimeter"), "mi": ("mile",), "ft": ("foot", "feet"),
    "in": ("inch", "inches"), "yd": ("yard",),
}


def _area_and_volume_entries() -> list[tuple[str, str, list[str], list[str]]]:
    entries = []
    for symbol, names in _LENGTHS_FOR_AREA.items():
        plurals = [f"{name}s" for name in names if not name.endswith(("s", "feet"))]
        all_names = [*names, *plurals]
        for power, square_word, suffix_word, short in ((2, "square", "squared", "sq"), (3, "cubic", "cubed", "cu")):
            superscript = "²" if power == 2 else "³"
            symbols = [f"{short} {symbol}", f"{short}. {symbol}", f"{short}{symbol}", f"{symbol} {suffix_word}"]
            if symbol != "in":
                symbols += [f"{symbol}{power}", f"{symbol}{superscript}", f"{symbol}^{power}"]
            words = [f"{square_word} {name}" for name in all_names] + [f"{name} {suffix_word}" for name in all_names]
            entries.append((f"{symbol}{power}", "quantity", symbols, words))
    return entries


def _lexicon_entries() -> list[tuple[str, str, list[str], list[str]]]:
    entries = []
    for line in _LEXICON.strip().splitlines():
        code, kind, symbols, words = (field.strip() for field in line.split("|"))
        entries.append((code, kind, _split_list(symbols), _expand_words(words)))
    return entries + _area_and_volume_entries()
