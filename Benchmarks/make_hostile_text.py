"""Writes a hostile plain text for checking `corpuskit stats` byte for byte against another build:
Kazakh, Russian and English words, links, Latin look-alikes, mis-decoded cp1251/cp1252 paragraphs
(U+FFFD), C1 controls, marks, CJK, emoji, two-byte scalars past Cyrillic, tokens of 20-1000 letters,
repeated paragraphs. Usage: make_hostile_text.py OUT.txt (deterministic: seed 4242)."""
import random
import sys
random.seed(4242)
kk = "Қазақстан Республикасы экономикалық дамуы ақша-несие ТМД-ның 200-жылға Әлем ұлт үй һ і ё ў ї Ђ Сіз келдіңіз Н.Ә. Назарбаев ж. млн. млрд. т.б. т.с.с. [9, 264-265] 1. 2) «Иә» — деді. (жоқ) ... … ! ? ;".split()
ru = "Россия экономика развития страны в 2021 году г. т.е. и т.д. Ёлка объём".split()
en = "The quick brown fox jumps over the lazy dog e.g. Mr. Smith i.e. www.gov.kz http://x.y/(a) info@mail.kz a:b ww.x wwww.x 10:30 3.5 2,5".split()
odd = ["Қaзақ", "Kaзақ", "iPhone", "cafÃ©", "вЂ™", "â€™", "Рў", "РљР°Р·Р°Т›", "Ð‘Ò±Ð»", "\ufffd", "\x85", "\x9f", "\u0301", "\u0483", "\u0482", "\u200d", "\u200c", "\ufeff",
       "沈伯明", "日本", "😀", "𝔸", "Ω", "ß", "İ", "K", "ǵ", "ń", "ı", "ş", "é", "ª", "µ", "\u0500", "\u052f", "\u04ff", "\u04c0", "\u0460", "\u07ff", "\u0600", "ۿ",
       "ТМД’ның", "ТМД'ның", "a ʼb", "-", "‐", "‑", "'", "’", "%", "$", "№", "+", "§", "€", "™", "\u00a0", "\u2009", "\u3000", "٣", "१", "Ә.Ә.", "С\u00a0x", "Ð ‘", "Â\u00a0"]
def mis1251(s):
    return s.encode('utf-8').decode('cp1251', errors='replace')
def mis1252(s):
    return s.encode('utf-8').decode('cp1252', errors='replace')
def sentence():
    n = random.randint(1, 30)
    words = []
    for _ in range(n):
        r = random.random()
        if r < 0.55: words.append(random.choice(kk))
        elif r < 0.7: words.append(random.choice(ru))
        elif r < 0.82: words.append(random.choice(en))
        elif r < 0.97: words.append(random.choice(odd))
        else: words.append(random.choice(kk) * random.randint(20, 200))  # very long token
    s = " ".join(words)
    end = random.choice([".", ".", ".", "!", "?", "…", "...", ""])
    return s[:1].upper() + s[1:] + end
paras = []
for i in range(3000):
    r = random.random()
    if r < 0.1 and paras:
        paras.append(random.choice(paras))  # duplicated paragraph
        continue
    p = " ".join(sentence() for _ in range(random.randint(1, 8)))
    if r < 0.15: p = mis1251(p)
    elif r < 0.2: p = mis1252(p)
    paras.append(p)
with open(sys.argv[1], 'w', encoding='utf-8') as f:
    f.write("\n\n".join(paras) + "\n")
