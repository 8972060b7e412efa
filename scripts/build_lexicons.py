#!/usr/bin/env python3
"""Build sitroom's country and place lexicons from pycountry plus our own additions.

Writes ``src/sitroom/lexicons/data/countries.json`` and ``src/sitroom/lexicons/data/places.json``.
ISO facts (codes, names, US subdivisions) come from pycountry; the short names,
aliases, demonyms, capitals and cities below are hand-written by the sitroom team.

Usage: ``python scripts/build_lexicons.py``
"""

from __future__ import annotations

import json
from pathlib import Path

import pycountry

VERSION = "countries-2024.11.1"
PLACES_VERSION = "places-2024.11.2"
OUT = Path(__file__).resolve().parents[1] / "src" / "sitroom" / "lexicons" / "data"

# ISO3 | short name | aliases | adjectives/demonyms | capitals and seats (";"-separated);
# a line starting with "+" continues the line before it.
# Empty fields keep pycountry's name and add nothing.
TABLE = """
AFG|Afghanistan||Afghan;Afghani|Kabul
ALB|Albania||Albanian|Tirana
DZA|Algeria||Algerian|Algiers
AND|Andorra||Andorran|Andorra la Vella
AGO|Angola||Angolan|Luanda
ATG|Antigua and Barbuda|Antigua|Antiguan|
ARG|Argentina||Argentine;Argentinian;Argentinean|Buenos Aires
ARM|Armenia||Armenian|Yerevan
AUS|Australia||Australian|Canberra
AUT|Austria||Austrian|Vienna
AZE|Azerbaijan||Azerbaijani;Azeri|Baku
BHS|Bahamas|The Bahamas|Bahamian|Nassau
BHR|Bahrain||Bahraini|Manama
BGD|Bangladesh||Bangladeshi|Dhaka
BRB|Barbados||Barbadian|Bridgetown
BLR|Belarus|Byelorussia|Belarusian;Belarussian|Minsk
BEL|Belgium||Belgian|Brussels
BLZ|Belize||Belizean|Belmopan
BEN|Benin||Beninese|Porto-Novo;Cotonou
BTN|Bhutan||Bhutanese|Thimphu
BOL|Bolivia||Bolivian|La Paz;Sucre
BIH|Bosnia and Herzegovina|Bosnia;Bosnia-Herzegovina|Bosnian|Sarajevo
BWA|Botswana||Botswanan;Motswana|Gaborone
BRA|Brazil||Brazilian|Brasilia;Brasília
BRN|Brunei|Brunei Darussalam|Bruneian|Bandar Seri Begawan
BGR|Bulgaria||Bulgarian|Sofia
BFA|Burkina Faso|Burkina|Burkinabe;Burkinabè|Ouagadougou
BDI|Burundi||Burundian|Gitega;Bujumbura
CPV|Cape Verde|Cabo Verde|Cape Verdean|Praia
KHM|Cambodia||Cambodian|Phnom Penh
CMR|Cameroon||Cameroonian|Yaounde;Yaoundé
CAN|Canada||Canadian|Ottawa
CAF|Central African Republic|CAR|Central African|Bangui
TCD|Chad||Chadian|N'Djamena
CHL|Chile||Chilean|Santiago
CHN|China|People's Republic of China;PRC;Mainland China|Chinese|Beijing;Peking
COL|Colombia||Colombian|Bogota;Bogotá
COM|Comoros||Comoran;Comorian|Moroni
COD|Democratic Republic of the Congo|Zaire;DR Congo;DRC;D.R. Congo;Congo-Kinshasa
+;Democratic Republic of Congo|Congolese|Kinshasa
COG|Republic of the Congo|Congo;Congo-Brazzaville;Republic of Congo|Congolese|Brazzaville
CRI|Costa Rica||Costa Rican|San Jose;San José
CIV|Ivory Coast|Cote d'Ivoire;Côte d'Ivoire|Ivorian|Yamoussoukro;Abidjan
HRV|Croatia||Croatian;Croat|Zagreb
CUB|Cuba||Cuban|Havana
CYP|Cyprus||Cypriot;Greek Cypriot|Nicosia
CZE|Czech Republic|Czechia|Czech|Prague
DNK|Denmark||Danish;Dane|Copenhagen
DJI|Djibouti||Djiboutian|
DMA|Dominica||Dominican|Roseau
DOM|Dominican Republic||Dominican|Santo Domingo
ECU|Ecuador||Ecuadorian;Ecuadorean|Quito
EGY|Egypt||Egyptian|Cairo
SLV|El Salvador||Salvadoran;Salvadorean|San Salvador
GNQ|Equatorial Guinea||Equatoguinean;Equatorial Guinean|Malabo
ERI|Eritrea||Eritrean|Asmara
EST|Estonia||Estonian|Tallinn
SWZ|Eswatini|Swaziland|Swazi|Mbabane
ETH|Ethiopia||Ethiopian|Addis Ababa
FJI|Fiji||Fijian|Suva
FIN|Finland||Finnish;Finn|Helsinki
FRA|France||French|Paris
GAB|Gabon||Gabonese|Libreville
GMB|Gambia|The Gambia|Gambian|Banjul
GEO|Georgia||Georgian|Tbilisi
DEU|Germany||German|Berlin
GHA|Ghana||Ghanaian|Accra
GRC|Greece||Greek;Hellenic|Athens
GRD|Grenada||Grenadian|
GTM|Guatemala||Guatemalan|Guatemala City
GIN|Guinea||Guinean|Conakry
GNB|Guinea-Bissau||Bissau-Guinean|Bissau
GUY|Guyana||Guyanese|Georgetown
HTI|Haiti||Haitian|Port-au-Prince
VAT|Vatican|Holy See;Vatican City;the Holy See|Vatican;Papal|
HND|Honduras||Honduran|Tegucigalpa
HUN|Hungary||Hungarian|Budapest
ISL|Iceland||Icelandic;Icelander|Reykjavik
IND|India||Indian|New Delhi
IDN|Indonesia||Indonesian|Jakarta
IRN|Iran|Persia;Islamic Republic of Iran|Iranian|Tehran;Teheran
IRQ|Iraq||Iraqi|Baghdad
IRL|Ireland|Republic of Ireland;Eire|Irish|Dublin
ISR|Israel||Israeli|Jerusalem;Tel Aviv
ITA|Italy||Italian|Rome
JAM|Jamaica||Jamaican|Kingston
JPN|Japan||Japanese|Tokyo
JOR|Jordan||Jordanian|Amman
KAZ|Kazakhstan||Kazakh;Kazakhstani|Astana;Nur-Sultan
KEN|Kenya||Kenyan|Nairobi
KIR|Kiribati||I-Kiribati|Tarawa
PRK|North Korea|DPRK;D.P.R.K.;Democratic People's Republic of Korea|North Korean|Pyongyang
KOR|South Korea|Republic of Korea;ROK;R.O.K.;Korea|South Korean|Seoul
XKX|Kosovo||Kosovar;Kosovan|Pristina
KWT|Kuwait||Kuwaiti|Kuwait City
KGZ|Kyrgyzstan|Kyrgyz Republic;Kirghizia|Kyrgyz|Bishkek
LAO|Laos|Lao PDR|Laotian;Lao|Vientiane
LVA|Latvia||Latvian|Riga
LBN|Lebanon||Lebanese|Beirut
LSO|Lesotho||Basotho|Maseru
LBR|Liberia||Liberian|Monrovia
LBY|Libya||Libyan|Tripoli
LIE|Liechtenstein||Liechtensteiner|Vaduz
LTU|Lithuania||Lithuanian|Vilnius
LUX|Luxembourg||Luxembourgish;Luxembourger|
MDG|Madagascar||Malagasy|Antananarivo
MWI|Malawi||Malawian|Lilongwe
MYS|Malaysia||Malaysian|Kuala Lumpur;Putrajaya
MDV|Maldives||Maldivian|
MLI|Mali||Malian|Bamako
MLT|Malta||Maltese|Valletta
MHL|Marshall Islands||Marshallese|Majuro
MRT|Mauritania||Mauritanian|Nouakchott
MUS|Mauritius||Mauritian|Port Louis
MEX|Mexico||Mexican|Mexico City
FSM|Micronesia|Federated States of Micronesia|Micronesian|Palikir
MDA|Moldova||Moldovan|Chisinau;Chişinău
MCO|Monaco||Monegasque|
MNG|Mongolia||Mongolian|Ulaanbaatar;Ulan Bator
MNE|Montenegro||Montenegrin|Podgorica
MAR|Morocco||Moroccan|Rabat
MOZ|Mozambique||Mozambican|Maputo
MMR|Myanmar|Burma|Myanmar;Burmese|Naypyidaw;Naypyitaw;Yangon;Rangoon
NAM|Namibia||Namibian|Windhoek
NRU|Nauru||Nauruan|
NPL|Nepal||Nepalese;Nepali|Kathmandu
NLD|Netherlands|The Netherlands;Holland|Dutch|Amsterdam;The Hague
NZL|New Zealand||New Zealand;Kiwi|Wellington
NIC|Nicaragua||Nicaraguan|Managua
NER|Niger||Nigerien|Niamey
NGA|Nigeria||Nigerian|Abuja
MKD|North Macedonia|Macedonia;FYROM|Macedonian;North Macedonian|Skopje
NOR|Norway||Norwegian|Oslo
OMN|Oman||Omani|Muscat
PAK|Pakistan||Pakistani|Islamabad
PLW|Palau||Palauan|Ngerulmud
PSE|Palestine|State of Palestine;Palestinian territories;Palestinian Authority
+;West Bank;Gaza;Gaza Strip|Palestinian|Ramallah
PAN|Panama||Panamanian|Panama City
PNG|Papua New Guinea||Papua New Guinean|Port Moresby
PRY|Paraguay||Paraguayan|Asuncion;Asunción
PER|Peru||Peruvian|Lima
PHL|Philippines|The Philippines|Philippine;Filipino|Manila
POL|Poland||Polish;Pole|Warsaw
PRT|Portugal||Portuguese|Lisbon
QAT|Qatar||Qatari|Doha
ROU|Romania||Romanian|Bucharest
RUS|Russia|Russian Federation;Soviet Union;USSR|Russian;Soviet|Moscow
RWA|Rwanda||Rwandan|Kigali
KNA|Saint Kitts and Nevis|St Kitts and Nevis|Kittitian|Basseterre
LCA|Saint Lucia|St Lucia|Saint Lucian|Castries
VCT|Saint Vincent and the Grenadines|St Vincent and the Grenadines|Vincentian|Kingstown
WSM|Samoa||Samoan|Apia
SMR|San Marino||Sammarinese|
STP|Sao Tome and Principe|São Tomé and Príncipe|Sao Tomean|
SAU|Saudi Arabia|Saudi;Kingdom of Saudi Arabia|Saudi;Saudi Arabian|Riyadh
SEN|Senegal||Senegalese|Dakar
SRB|Serbia|Yugoslavia|Serbian;Serb;Yugoslav|Belgrade
SYC|Seychelles||Seychellois|
SLE|Sierra Leone||Sierra Leonean|Freetown
SGP|Singapore||Singaporean|
SVK|Slovakia|Slovak Republic|Slovak;Slovakian|Bratislava
SVN|Slovenia||Slovenian;Slovene|Ljubljana
SLB|Solomon Islands||Solomon Islander|Honiara
SOM|Somalia||Somali;Somalian|Mogadishu
ZAF|South Africa||South African|Pretoria;Cape Town
SSD|South Sudan||South Sudanese|Juba
ESP|Spain||Spanish;Spaniard|Madrid
LKA|Sri Lanka|Ceylon|Sri Lankan|Colombo;Sri Jayawardenepura Kotte
SDN|Sudan|The Sudan|Sudanese|Khartoum
SUR|Suriname|Surinam|Surinamese|Paramaribo
SWE|Sweden||Swedish;Swede|Stockholm
CHE|Switzerland||Swiss|Bern;Berne
SYR|Syria|Syrian Arab Republic|Syrian|Damascus
TWN|Taiwan|Republic of China;Chinese Taipei|Taiwanese|Taipei
TJK|Tajikistan||Tajik;Tajikistani|Dushanbe
TZA|Tanzania||Tanzanian|Dodoma;Dar es Salaam
THA|Thailand|Siam|Thai|Bangkok
TLS|East Timor|Timor-Leste;Timor Leste|East Timorese;Timorese|Dili
TGO|Togo||Togolese|Lome;Lomé
TON|Tonga||Tongan|Nuku'alofa
TTO|Trinidad and Tobago|Trinidad|Trinidadian;Tobagonian|Port of Spain
TUN|Tunisia||Tunisian|Tunis
TUR|Turkey|Türkiye;Turkiye|Turkish|Ankara
TKM|Turkmenistan||Turkmen|Ashgabat
TUV|Tuvalu||Tuvaluan|Funafuti
UGA|Uganda||Ugandan|Kampala
UKR|Ukraine|The Ukraine|Ukrainian|Kyiv;Kiev
ARE|United Arab Emirates|UAE;U.A.E.;Emirates|Emirati|Abu Dhabi
GBR|United Kingdom|UK;U.K.;Britain;Great Britain;England;Scotland;Wales;Northern Ireland
+|British;English;Scottish;Welsh;Briton|London
USA|United States|United States of America;US;U.S.;U.S.A.;USA;America;the States
+|American;US;U.S.|Washington;Washington D.C.;Washington, D.C.
URY|Uruguay||Uruguayan|Montevideo
UZB|Uzbekistan||Uzbek;Uzbekistani|Tashkent
VUT|Vanuatu||Ni-Vanuatu|Port Vila
VEN|Venezuela||Venezuelan|Caracas
VNM|Vietnam|Viet Nam|Vietnamese|Hanoi
YEM|Yemen||Yemeni|Sanaa;Sana'a
ZMB|Zambia||Zambian|Lusaka
ZWE|Zimbabwe||Zimbabwean|Harare
HKG|Hong Kong||Hong Konger|
MAC|Macau|Macao|Macanese|
PRI|Puerto Rico||Puerto Rican|San Juan
GRL|Greenland||Greenlandic;Greenlander|Nuuk
ESH|Western Sahara|Sahrawi Republic|Sahrawi;Saharawi|
"""

# Major cities (not capitals) -> ISO3, for locations. Hand-written.
CITIES = """
USA: New York;Los Angeles;Chicago;Houston;San Francisco;Seattle;Boston;Miami;Atlanta;Dallas;
  Philadelphia;Detroit;Denver;Phoenix;New Orleans;Las Vegas;San Diego;Baltimore;Pittsburgh;
  Honolulu;Anchorage;Minneapolis;St. Louis;Cleveland;Austin;Nashville;Portland;Sacramento;
  Savannah;Charlotte;Orlando;Tampa;Norfolk;Annapolis;Arlington;Langley;Quantico;Fort Bragg;
  Silicon Valley;Brooklyn;Manhattan;Pearl Harbor
CAN: Toronto;Montreal;Vancouver;Calgary;Quebec City;Winnipeg;Edmonton;Halifax
MEX: Guadalajara;Monterrey;Tijuana;Ciudad Juarez;Cancun;Acapulco;Culiacan;Veracruz
BRA: Sao Paulo;São Paulo;Rio de Janeiro;Salvador;Recife;Manaus;Porto Alegre;Belo Horizonte
ARG: Cordoba;Rosario;Mendoza
COL: Medellin;Cali;Cartagena;Barranquilla
VEN: Maracaibo
PER: Cusco;Arequipa
CHL: Valparaiso;Concepcion
GBR: Manchester;Birmingham;Liverpool;Edinburgh;Glasgow;Belfast;Cardiff;Leeds;Oxford;Cambridge;
  Bristol;Salisbury;Dover
FRA: Marseille;Lyon;Toulouse;Bordeaux;Lille;Strasbourg;Nantes;Calais;Versailles
DEU: Munich;Hamburg;Frankfurt;Cologne;Stuttgart;Dusseldorf;Düsseldorf;Dresden;Leipzig;Bonn;
  Nuremberg;Ramstein;Hanover
ITA: Milan;Naples;Turin;Venice;Florence;Palermo;Genoa;Bologna;Lampedusa
ESP: Barcelona;Seville;Valencia;Bilbao;Malaga;Ceuta;Melilla
PRT: Porto
NLD: Rotterdam;Utrecht
BEL: Antwerp;Ghent;Liege
CHE: Geneva;Zurich;Basel;Lausanne;Davos
AUT: Salzburg;Innsbruck
POL: Krakow;Gdansk;Wroclaw;Lodz;Rzeszow
UKR: Kharkiv;Kharkov;Odesa;Odessa;Lviv;Dnipro;Zaporizhzhia;Mariupol;Kherson;Donetsk;Luhansk;
  Bakhmut;Avdiivka;Mykolaiv;Sumy;Chernihiv;Bucha;Kramatorsk;Pokrovsk;Kupiansk
RUS: St. Petersburg;Saint Petersburg;Novosibirsk;Yekaterinburg;Kazan;Vladivostok;Sochi;
  Murmansk;Kaliningrad;Belgorod;Kursk;Rostov-on-Don;Grozny;Volgograd;Sevastopol;Crimea
BLR: Gomel;Brest
TUR: Istanbul;Izmir;Antalya;Gaziantep;Incirlik;Diyarbakir
GRC: Thessaloniki;Piraeus
ISR: Haifa;Beersheba;Eilat;Ashkelon;Sderot;Nazareth
PSE: Gaza City;Rafah;Khan Younis;Jenin;Nablus;Hebron;Bethlehem;Jericho
LBN: Tyre;Sidon
SYR: Aleppo;Homs;Idlib;Raqqa;Deir ez-Zor;Hama;Latakia;Daraa;Kobani;Palmyra
IRQ: Mosul;Basra;Erbil;Kirkuk;Fallujah;Ramadi;Najaf;Karbala;Tikrit;Sulaimaniyah
IRN: Isfahan;Mashhad;Tabriz;Shiraz;Qom;Natanz;Fordow;Bushehr;Bandar Abbas
SAU: Jeddah;Mecca;Medina;Dammam
YEM: Aden;Hodeidah;Taiz;Marib
ARE: Dubai;Sharjah
EGY: Alexandria;Port Said;Suez;Sharm el-Sheikh;Luxor
LBY: Benghazi;Misrata;Sirte
TUN: Sfax
DZA: Oran
MAR: Casablanca;Marrakech;Tangier
SDN: Port Sudan;Omdurman;El Fasher;Darfur
ETH: Mekelle;Dire Dawa
SOM: Kismayo
KEN: Mombasa;Kisumu
NGA: Lagos;Kano;Maiduguri;Port Harcourt;Ibadan
GHA: Kumasi
ZAF: Johannesburg;Durban;Soweto
COD: Goma;Lubumbashi;Bukavu
MLI: Timbuktu;Gao;Mopti
AFG: Kandahar;Herat;Mazar-i-Sharif;Jalalabad;Kunduz
PAK: Karachi;Lahore;Peshawar;Rawalpindi;Quetta
IND: Mumbai;Bombay;Kolkata;Calcutta;Chennai;Bangalore;Bengaluru;Hyderabad;Ahmedabad;Delhi;
  Srinagar;Pune
BGD: Chittagong
LKA: Kandy;Jaffna
MMR: Mandalay
THA: Chiang Mai;Phuket
VNM: Ho Chi Minh City;Saigon;Da Nang;Haiphong
KHM: Siem Reap
MYS: Penang;Johor Bahru
IDN: Surabaya;Bali;Medan;Bandung
PHL: Cebu;Davao;Quezon City;Marawi
CHN: Shanghai;Guangzhou;Shenzhen;Chongqing;Tianjin;Wuhan;Chengdu;Nanjing;Xi'an;Hangzhou;
  Harbin;Dalian;Qingdao;Urumqi;Lhasa;Xinjiang;Tibet
TWN: Kaohsiung;Taichung
JPN: Osaka;Kyoto;Yokohama;Nagoya;Sapporo;Fukuoka;Hiroshima;Nagasaki;Okinawa;Kobe;Fukushima
KOR: Busan;Incheon;Daegu;Gwangju;Panmunjom
PRK: Kaesong;Wonsan;Sinuiju;Yongbyon
AUS: Sydney;Melbourne;Brisbane;Perth;Adelaide;Darwin
NZL: Auckland;Christchurch
KAZ: Almaty
UZB: Samarkand
GEO: Batumi;Abkhazia;South Ossetia
ARM: Gyumri
AZE: Nagorno-Karabakh;Karabakh
SRB: Novi Sad
BIH: Mostar;Srebrenica
NOR: Bergen
SWE: Gothenburg;Malmo
DNK: Aarhus
FIN: Turku
"""

# Subdivision types kept as provinces (ISO 3166-2 via pycountry), and words that make a
# subdivision name too ambiguous to look up in running text.
PROVINCE_TYPES = {
    "Province", "State", "Region", "Oblast", "Governorate", "Prefecture", "Republic",
    "Autonomous region", "Autonomous republic", "Autonomous province", "Autonomous community",
}
AMBIGUOUS_WORDS = frozenset(
    str.split(
        """north south east west northern southern eastern western central centre center
    capital upper lower middle great greater new old coast coastal river lake islands island
    mountain highlands lowlands city district province region state territory federal
    national grand saint st la le el al de del do das dos
    orange victoria amazonas santa san la paz sur norte este oeste mary george"""
    )
)


def split(field: str) -> list[str]:
    """Split a ';'-separated field into stripped, non-empty items."""
    return [item.strip() for item in field.split(";") if item.strip()]


def build_countries() -> dict[str, object]:
    """Every ISO 3166 country, with our short names, aliases, adjectives and capitals."""
    rows: dict[str, dict[str, object]] = {}
    for country in pycountry.countries:
        name = getattr(country, "common_name", None) or country.name
        aliases = {country.name, name}
        official = getattr(country, "official_name", None)
        if official:
            aliases.add(official)
        rows[country.alpha_3] = {
            "iso3": country.alpha_3,
            "name": name,
            "aliases": sorted(a for a in aliases if "," not in a),
            "adjectives": [],
            "capitals": [],
        }
    lines: list[str] = []
    for raw in TABLE.strip().splitlines():
        if raw.startswith("+") and lines:
            lines[-1] += raw[1:]
        else:
            lines.append(raw)
    for line in lines:
        iso3, name, aliases, adjectives, capitals = line.split("|")
        row = rows.setdefault(
            iso3, {"iso3": iso3, "name": name, "aliases": [], "adjectives": [], "capitals": []}
        )
        row["name"] = name
        merged = set(row["aliases"]) | {name} | set(split(aliases))  # type: ignore[arg-type]
        row["aliases"] = sorted(merged)
        row["adjectives"] = split(adjectives)
        row["capitals"] = split(capitals)
    return {
        "version": VERSION,
        "source": "ISO 3166 via pycountry; names, demonyms and capitals hand-written",
        "countries": [rows[k] for k in sorted(rows)],
    }


def build_places() -> dict[str, object]:
    """Cities and US states, for locations and disambiguation."""
    cities: dict[str, str] = {}
    text = CITIES.strip()
    current = ""
    entries: list[tuple[str, str]] = []
    for raw in text.splitlines():
        line = raw.strip()
        if ":" in line and line.split(":")[0].isupper() and len(line.split(":")[0]) == 3:
            current, line = line.split(":", 1)
        for name in split(line):
            entries.append((name, current))
    for name, iso3 in entries:
        cities.setdefault(name, iso3)
    states = sorted(
        sub.name
        for sub in pycountry.subdivisions.get(country_code="US")
        if sub.type in ("State", "District")
    )
    provinces: dict[str, str] = {}
    shared: set[str] = set()
    known = {name.lower() for name in cities} | {name.lower() for name in states}
    for row in build_countries()["countries"]:  # type: ignore[attr-defined]
        known |= {a.lower() for a in row["aliases"]} | {a.lower() for a in row["adjectives"]}
        known |= {c.lower() for c in row["capitals"]}
    for sub in pycountry.subdivisions:
        if sub.type not in PROVINCE_TYPES or sub.country_code == "US":
            continue
        name = sub.name.split(" [")[0].split(" (")[0].strip()
        words = set(name.lower().replace("-", " ").split())
        if len(name) < 4 or words & AMBIGUOUS_WORDS or name.lower() in known or "," in name:
            continue
        country = pycountry.countries.get(alpha_2=sub.country_code)
        if country is not None:
            if provinces.get(name, country.alpha_3) != country.alpha_3:
                shared.add(name)
            provinces.setdefault(name, country.alpha_3)
    for name in shared:  # a name used in two countries says nothing
        del provinces[name]
    return {
        "version": PLACES_VERSION,
        "source": "US states and provinces via pycountry (ISO 3166-2); cities hand-written",
        "cities": dict(sorted(cities.items())),
        "us_states": states,
        "provinces": dict(sorted(provinces.items())),
    }


def main() -> None:
    """Write the lexicon files."""
    OUT.mkdir(parents=True, exist_ok=True)
    for filename, data in (("countries.json", build_countries()), ("places.json", build_places())):
        path = OUT / filename
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
