"""Place words: country and organisation names, short forms and demonyms, by jurisdiction code.

Used to tell a jurisdiction-specific title ("French Foreign Minister") from its generic core
("Foreign Minister"), and to resolve a generic title through a nearby place ("Prime Minister of
India", "Britain's Prime Minister").
"""

from __future__ import annotations

# fmt: off
PLACES: dict[str, tuple[str, ...]] = {
    "AL": ("Albania", "Albanian"),
    "AO": ("Angola", "Angolan"),
    "AR": ("Argentina", "Argentine", "Argentinian"),
    "AT": ("Austria", "Austrian"),
    "AU": ("Australia", "Australian"),
    "BE": ("Belgium", "Belgian"),
    "BG": ("Bulgaria", "Bulgarian"),
    "BR": ("Brazil", "Brazilian"),
    "CA": ("Canada", "Canadian"),
    "CN": ("China", "Chinese", "the People's Republic of China", "People's Republic of China", "PRC"),
    "CY": ("Cyprus", "Cypriot"),
    "CZ": ("Czech Republic", "Czechia", "Czech"),
    "DE": ("Germany", "German"),
    "DK": ("Denmark", "Danish"),
    "EE": ("Estonia", "Estonian"),
    "ES": ("Spain", "Spanish"),
    "FI": ("Finland", "Finnish"),
    "FR": ("France", "French"),
    "GB": ("United Kingdom", "the United Kingdom", "UK", "U.K.", "Britain", "Great Britain", "British"),
    "GR": ("Greece", "Greek"),
    "HR": ("Croatia", "Croatian"),
    "HU": ("Hungary", "Hungarian"),
    "ID": ("Indonesia", "Indonesian"),
    "IE": ("Ireland", "Irish"),
    "IN": ("India", "Indian"),
    "IS": ("Iceland", "Icelandic"),
    "IT": ("Italy", "Italian"),
    "JP": ("Japan", "Japanese"),
    "KR": ("South Korea", "Korea", "Republic of Korea", "the Republic of Korea", "South Korean", "Korean"),
    "LT": ("Lithuania", "Lithuanian"),
    "LU": ("Luxembourg", "Luxembourgish"),
    "LV": ("Latvia", "Latvian"),
    "ME": ("Montenegro", "Montenegrin"),
    "MD": ("Moldova", "Moldovan"),
    "MK": ("North Macedonia", "Macedonian", "North Macedonian"),
    "MT": ("Malta", "Maltese"),
    "MX": ("Mexico", "Mexican"),
    "NL": ("Netherlands", "the Netherlands", "Dutch"),
    "NO": ("Norway", "Norwegian"),
    "PL": ("Poland", "Polish"),
    "PT": ("Portugal", "Portuguese"),
    "RO": ("Romania", "Romanian"),
    "RU": ("Russia", "Russian", "Russian Federation", "the Russian Federation", "Kremlin"),
    "SA": ("Saudi Arabia", "Saudi"),
    "SE": ("Sweden", "Swedish"),
    "SI": ("Slovenia", "Slovenian"),
    "SK": ("Slovakia", "Slovak"),
    "TR": ("Turkey", "Türkiye", "Turkish"),
    "UA": ("Ukraine", "Ukrainian"),
    "US": ("United States", "the United States", "U.S.", "US", "USA", "U.S.A.", "America", "American"),
    "ZA": ("South Africa", "South African"),
    "IL": ("Israel", "Israeli"),
    "CH": ("Switzerland", "Swiss"),
    "NZ": ("New Zealand", "NZ"),
    "VA": ("Vatican", "Holy See", "the Holy See", "Vatican City"),
    "NG": ("Nigeria", "Nigerian"),
    "KE": ("Kenya", "Kenyan"),
    "SN": ("Senegal", "Senegalese"),
    "TH": ("Thailand", "Thai"),
    "EG": ("Egypt", "Egyptian"),
    "ET": ("Ethiopia", "Ethiopian"),
    "CL": ("Chile", "Chilean"),
    "CO": ("Colombia", "Colombian"),
    "PE": ("Peru", "Peruvian"),
    "VE": ("Venezuela", "Venezuelan"),
    "IR": ("Iran", "Iranian"),
    "AE": ("United Arab Emirates", "the United Arab Emirates", "UAE", "U.A.E.", "Emirati"),
    "QA": ("Qatar", "Qatari"),
    "EU": ("EU", "European Union", "the European Union", "E.U."),
    "NATO": ("NATO", "Nato", "North Atlantic Treaty Organization", "the North Atlantic Treaty Organization", "Alliance", "alliance"),
    "UN": ("UN", "U.N.", "United Nations", "the United Nations"),
    "IMF": ("IMF", "International Monetary Fund", "the International Monetary Fund"),
    "WB": ("World Bank", "the World Bank", "World Bank Group", "the World Bank Group"),
    "AU-ORG": ("AU", "African Union", "the African Union"),
    "WHO": ("WHO", "World Health Organization", "the World Health Organization"),
    "UNHCR": ("UNHCR",),
    "UNICEF": ("UNICEF", "Unicef"),
    "WFP": ("WFP", "World Food Programme", "the World Food Programme"),
}
# fmt: on


def place_codes() -> dict[str, set[str]]:
    """Place word -> jurisdiction codes (a word such as "AU" may name two)."""
    out: dict[str, set[str]] = {}
    for code, words in PLACES.items():
        for word in words:
            out.setdefault(word, set()).add(code)
            if word.startswith("the "):
                out.setdefault(word[4:], set()).add(code)
    return out


PLACE_CODES = place_codes()
