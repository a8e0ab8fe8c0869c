"""The demo city (thành phố mẫu): a deterministic synthetic Sông Công, Thái Nguyên.

Modelled on the figures of the 16 Aug 2024 news report (``context/SUMMARY.md``): 10 units (7
wards, 3 communes), 145 hamlets and residential groups, about 22,000 households and 79,000
residents of whom about 5 % belong to ethnic minorities (Sán Dìu, Tày, Nùng, Dao, Mường, …);
about 9,000 children under 6 and 9,000 aged 6–13. Families carry the parents' PIDs on the
children (a few percent missing, as in real data); most adults hold a CMND, a CCCD or a căn
cước with plausible dates; a handful of records are deliberately dirty.

Everyone is invented. Ages are computed on ``REFERENCE_DATE`` (not today), so a seed gives the
same city on any day.
"""

from __future__ import annotations

import bisect
import csv
import importlib
import itertools
import logging
import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select

from models.records import Resident
from resources import resource_path
from workstation.records.store import Record, RecordWriter, hamlet_code

log = logging.getLogger(__name__)

REFERENCE_DATE = date(2026, 11, 1)
DEFAULT_RESIDENTS = 79_000
PROVINCE_CODE = "019"
CITY = "thành phố Sông Công"
PROVINCE = "tỉnh Thái Nguyên"

# (code, name, kind, number of hamlets / residential groups)
UNITS: tuple[tuple[str, str, str, int], ...] = (
    ("05710", "Phường Thắng Lợi", "ward", 18),
    ("05713", "Phường Phố Cò", "ward", 16),
    ("05716", "Phường Cải Đan", "ward", 14),
    ("05719", "Phường Lương Sơn", "ward", 15),
    ("05722", "Phường Bách Quang", "ward", 13),
    ("05725", "Phường Mỏ Chè", "ward", 12),
    ("05728", "Phường Châu Sơn", "ward", 11),
    ("05731", "Xã Bình Sơn", "commune", 18),
    ("05734", "Xã Bá Xuyên", "commune", 14),
    ("05737", "Xã Tân Quang", "commune", 14),
)
_COMMUNE_HAMLETS = {
    "05731": ("Lát Đá", "Khe Lim", "Kim Long", "Trung Nhang", "Na Chặng", "Đồng Bông",
              "Tân Sơn", "Xuân Gáo", "Đồng Đình", "Bình Định", "Hang Hon", "Na Mao",
              "Đầm Mây", "Bến Đông", "Khe Cạn", "Cầu Sắt", "Vàng Bạc", "Suối Lửa"),
    "05734": ("Xóm Chùa", "Xóm Trại", "Xóm Hòa Bình", "Xóm Thống Nhất", "Xóm Ao Cang",
              "Xóm Đồng Cẩm", "Xóm Bãi Hát", "Xóm Ngọc Tâm", "Xóm Khe Cốc", "Xóm La Cảnh",
              "Xóm Tân Mỹ", "Xóm Đông Hưng", "Xóm Ấp Cầu", "Xóm Ao Sen"),
    "05737": ("Xóm Đông Tâm", "Xóm Tân Mỹ 1", "Xóm Tân Mỹ 2", "Xóm Tân Trung", "Xóm Bãi Bông",
              "Xóm Dộc Lầy", "Xóm Hòa Khánh", "Xóm Tiến Bộ", "Xóm Đầm Chài", "Xóm Mới",
              "Xóm Tân Lập", "Xóm Cầu Gáo", "Xóm Long Giang", "Xóm Ấp Thông"),
}

_KINH_SURNAMES = (("Nguyễn", 31), ("Trần", 11), ("Lê", 8), ("Phạm", 6), ("Hoàng", 5),
                  ("Vũ", 4), ("Đỗ", 4), ("Ngô", 3), ("Dương", 3), ("Bùi", 3), ("Đặng", 3),
                  ("Đinh", 2), ("Lương", 2), ("Đào", 2), ("Trịnh", 2), ("Hà", 2), ("Phan", 2),
                  ("Lý", 1), ("Tạ", 1), ("Lưu", 1), ("Mai", 1), ("Cao", 1), ("Chu", 1),
                  ("Triệu", 1), ("Nông", 1), ("La", 1), ("Đoàn", 1), ("Hồ", 1), ("Quách", 1))
_MIDDLE = {
    "male": (("Văn", 30), ("Đức", 6), ("Minh", 6), ("Quang", 4), ("Hữu", 3), ("Ngọc", 2),
             ("Thành", 3), ("Công", 3), ("Xuân", 3), ("Mạnh", 2), ("Trung", 2), ("Tiến", 2),
             ("Đình", 3), ("Gia", 3), ("Bảo", 3), ("Anh", 2), ("Duy", 2), ("Thế", 2),
             ("Việt", 2), ("Hoàng", 2)),
    "female": (("Thị", 38), ("Thu", 4), ("Ngọc", 4), ("Thanh", 4), ("Minh", 3), ("Phương", 3),
               ("Hồng", 3), ("Thúy", 2), ("Kim", 2), ("Bảo", 3), ("Khánh", 3), ("Hà", 2),
               ("Lan", 1), ("Mai", 2), ("Diệu", 1), ("Tuệ", 1)),
}
_GIVEN = {
    "male": ("An", "Anh", "Bình", "Cường", "Dũng", "Đức", "Duy", "Giang", "Hải", "Hiếu", "Hòa",
             "Hoàng", "Hùng", "Huy", "Khánh", "Khoa", "Kiên", "Lâm", "Long", "Lộc", "Minh",
             "Nam", "Nghĩa", "Phong", "Phúc", "Quân", "Quang", "Sơn", "Tài", "Thắng", "Thành",
             "Thịnh", "Toàn", "Trung", "Tuấn", "Tùng", "Việt", "Vinh", "Vũ", "Đạt", "Đông",
             "Hưng", "Khải", "Lực", "Quý", "Thái", "Tiến", "Trí", "Bảo", "Khôi", "Nguyên",
             "Phát", "Đăng", "Chiến", "Hậu", "Thuận", "Kỳ", "Ước", "Ẩn"),
    "female": ("An", "Anh", "Ánh", "Bích", "Chi", "Dung", "Duyên", "Giang", "Hà", "Hạnh",
               "Hằng", "Hiền", "Hoa", "Hồng", "Huệ", "Hương", "Huyền", "Lan", "Liên", "Linh",
               "Loan", "Mai", "My", "Nga", "Ngân", "Ngọc", "Nhung", "Oanh", "Phương", "Quỳnh",
               "Tâm", "Thảo", "Thanh", "Thu", "Thủy", "Trang", "Tuyết", "Vân", "Yến", "Nhi",
               "Vy", "Trâm", "Diệp", "Hân", "Ly", "Uyên", "Đào", "Ân"),
}
# ethnicity: (weight among minorities, surnames, male given names, female given names)
_MINORITIES: dict[str, tuple[int, tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "Sán Dìu": (40, ("Lục", "Trương", "Diệp", "Tạ", "Lam", "Dương", "Hoàng", "Lỷ"),
                ("Sình", "Thắm", "Coóng", "Sáng"), ("Mùi", "Sỉnh", "Nhì", "Cúc")),
    "Tày": (20, ("Hoàng", "Nông", "Ma", "Bế", "Hà", "Lường", "Đàm", "Hứa"),
            ("Slao", "Pác", "Khâm", "Thào"), ("Pằng", "Slí", "Nhàn", "Xuân")),
    "Nùng": (15, ("Lăng", "Hoàng", "Nông", "Mã", "Lương", "Vi", "Chu"),
             ("Lình", "Phin", "Sềnh", "Tòng"), ("Mẩy", "Lả", "Slim", "Dìn")),
    "Dao": (12, ("Triệu", "Bàn", "Đặng", "Lý", "Chảo", "Phùng"),
            ("Quẩy", "Chòi", "Seo", "Kiềm"), ("Mẩy", "Chía", "Slàn", "Nhất")),
    "Mường": (5, ("Bùi", "Đinh", "Quách", "Hà", "Xa"),
              ("Khoa", "Mừng", "Thàn", "Tuấn"), ("Mai", "Lả", "Thơm", "Hường")),
    "H'Mông": (3, ("Giàng", "Sùng", "Vàng", "Lò", "Thào"),
               ("Páo", "Sính", "Tủa", "Dế"), ("Mỷ", "Dế", "Pàng", "Sua")),
    "Hoa": (3, ("Trương", "Lý", "Hứa", "Quan"),
            ("Phúc", "Minh", "Hòa", "Sáng"), ("Mỹ", "Lệ", "Hoa", "Phượng")),
    "Thái": (2, ("Lò", "Cầm", "Lường", "Vi"),
             ("Tủa", "Ún", "Pánh", "Xiêng"), ("Mai", "Ọn", "Khiêm", "Xuân")),
}
_RELIGIONS = (("Không", 93), ("Phật giáo", 5), ("Công giáo", 2))


class DemoNotEmpty(Exception):
    def __init__(self, residents: int) -> None:
        super().__init__(residents)
        self.residents = residents


@dataclass
class _Person:
    sex: str
    dob: date
    ethnicity: str
    surname: str
    relation: str
    name: str = ""
    pid: str = ""
    dob_precision: str = "day"
    father: _Person | None = None
    mother: _Person | None = None
    outside_father: tuple[str | None, str] | None = None
    outside_mother: tuple[str | None, str] | None = None
    guardian: _Person | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _provinces() -> list[tuple[str, str]]:
    with resource_path("provinces.csv").open(encoding="utf-8", newline="") as fh:
        return [(r["code"].strip(), r["name"].strip()) for r in csv.DictReader(fh)]


def _on(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:  # 29 February in a common year
        return date(year, month, 28)


class CityBuilder:
    """Generates the city person by person from one ``random.Random``."""

    def __init__(self, seed: int, residents: int) -> None:
        self.rng = random.Random(seed)
        self.target = residents
        self.pids: set[str] = set()
        self.provinces = _provinces()
        self.province_names = dict(self.provinces)
        self.counts: dict[str, int] = {"dirty": 0}
        self._cum: dict[int, tuple[list[str], list[int]]] = {}
        self._minority_weights = tuple((k, v[0]) for k, v in _MINORITIES.items())

    # --- small helpers ---------------------------------------------------------------------

    def pick(self, weighted: tuple[tuple[str, int], ...]) -> str:
        table = self._cum.get(id(weighted))
        if table is None:
            names = [n for n, _ in weighted]
            cum = list(itertools.accumulate(w for _, w in weighted))
            table = self._cum[id(weighted)] = (names, cum)
        names, cum = table
        return names[bisect.bisect(cum, self.rng.random() * cum[-1])]

    def dob_for_age(self, age: int) -> date:
        start = _on(REFERENCE_DATE.year - age - 1, REFERENCE_DATE.month, REFERENCE_DATE.day)
        return start + timedelta(days=self.rng.randint(1, 365))

    def age(self, dob: date) -> int:
        r = REFERENCE_DATE
        return r.year - dob.year - ((r.month, r.day) < (dob.month, dob.day))

    def new_pid(self, sex: str, year: int, province: str = PROVINCE_CODE) -> str:
        g = (year - 1900) // 100 * 2 + (1 if sex == "female" else 0)
        while True:
            pid = f"{province}{g}{year % 100:02d}{self.rng.randrange(1_000_000):06d}"
            if pid not in self.pids:
                self.pids.add(pid)
                return pid

    def birth_province(self, dob: date) -> str:
        # Children are registered here; older people often were born elsewhere.
        if dob.year >= 2010:
            return PROVINCE_CODE if self.rng.random() < 0.97 else self.rng.choice(
                self.provinces)[0]
        return PROVINCE_CODE if self.rng.random() < 0.85 else self.rng.choice(self.provinces)[0]

    def name(self, sex: str, surname: str, ethnicity: str, year: int) -> str:
        if ethnicity != "Kinh":
            _, _, males, females = _MINORITIES[ethnicity]
            middle = "Văn" if sex == "male" else "Thị"
            if year >= 2005 and self.rng.random() < 0.5:
                middle = self.pick(_MIDDLE[sex])
            pool = males if sex == "male" else females
            given = self.rng.choice(pool) if self.rng.random() < 0.4 else self.rng.choice(
                _GIVEN[sex])
            return f"{surname} {middle} {given}"
        middle = self.pick(_MIDDLE[sex])
        if year >= 2000 and middle in ("Văn", "Thị") and self.rng.random() < 0.5:
            middle = self.pick(_MIDDLE[sex])
        given = self.rng.choice(_GIVEN[sex])
        if year >= 1995 and self.rng.random() < 0.15:  # two middle names, common lately
            given = f"{self.rng.choice(_GIVEN[sex])} {given}"
        return f"{surname} {middle} {given}"

    def surname(self, ethnicity: str) -> str:
        if ethnicity == "Kinh":
            return self.pick(_KINH_SURNAMES)
        return self.rng.choice(_MINORITIES[ethnicity][1])

    def ethnicity(self, commune: bool) -> str:
        if self.rng.random() >= (0.11 if commune else 0.02):
            return "Kinh"
        return self.pick(self._minority_weights)

    def person(self, sex: str, age: int, ethnicity: str, relation: str,
               surname: str | None = None) -> _Person:
        dob = self.dob_for_age(age)
        surname = surname or self.surname(ethnicity)
        p = _Person(sex=sex, dob=dob, ethnicity=ethnicity, surname=surname, relation=relation)
        p.name = self.name(sex, surname, ethnicity, dob.year)
        p.pid = self.new_pid(sex, dob.year, self.birth_province(dob))
        if dob.year < 1945 and self.rng.random() < 0.35:
            p.dob_precision = "year"
            p.dob = date(dob.year, 1, 1)
        return p

    # --- households ------------------------------------------------------------------------

    def children(self, father: _Person | None, mother: _Person, ethnicity: str,
                 surname: str, relation: str = "Con") -> list[_Person]:
        mother_age = self.age(mother.dob)
        count = self.rng.choices((0, 1, 2, 3, 4), (5, 20, 46, 23, 6))[0]
        out = []
        first_birth_age = self.rng.randint(20, 29)
        birth_age = first_birth_age
        for _ in range(count):
            age = mother_age - birth_age
            if age < 0:
                break
            if age < 23 or self.rng.random() < 0.25:
                sex = self.rng.choice(("male", "female"))
                child = self.person(sex, age, ethnicity, relation, surname)
                child.father, child.mother = father, mother
                out.append(child)
            birth_age += self.rng.randint(2, 6)
        return out

    def couple(self, age: int, ethnicity: str) -> tuple[_Person, _Person]:
        husband = self.person("male", age, ethnicity, "Chủ hộ")
        wife_eth = ethnicity if self.rng.random() < 0.85 else self.ethnicity(False)
        wife = self.person("female", max(18, age - self.rng.randint(-2, 6)), wife_eth, "Vợ")
        return husband, wife

    def household(self, commune: bool) -> list[_Person]:
        rng = self.rng
        eth = self.ethnicity(commune)
        kind = rng.choices(("nuclear", "three", "elderly", "single", "skipped"),
                           (56, 17, 12, 10, 5))[0]
        if kind == "nuclear":
            husband, wife = self.couple(int(rng.triangular(21, 62, 27)), eth)
            if rng.random() < 0.08:  # a woman heads the household
                husband.relation, wife.relation = "Chồng", "Chủ hộ"
            family = [husband, wife, *self.children(husband, wife, eth, husband.surname)]
            if rng.random() < 0.22:  # a widowed parent of the head lives with them
                sex = rng.choice(("male", "female", "female"))
                elder = self.person(sex, min(98, self.age(husband.dob) + rng.randint(22, 34)),
                                    eth, "Bố" if sex == "male" else "Mẹ",
                                    husband.surname if sex == "male" else None)
                family.append(elder)
            return family
        if kind == "three":
            grandpa, grandma = self.couple(rng.randint(52, 80), eth)
            grandma.relation = "Vợ"
            son = self.person("male", max(22, self.age(grandma.dob) - rng.randint(20, 32)),
                              eth, "Con", grandpa.surname)
            son.father, son.mother = grandpa, grandma
            bride = self.person("female", max(19, self.age(son.dob) - rng.randint(-2, 5)),
                                eth, "Con dâu")
            people = [grandpa, grandma, son, bride]
            if rng.random() < 0.2:  # a widow or widower
                people.remove(grandma if rng.random() < 0.4 else grandpa)
                people[0].relation = "Chủ hộ"
            kids = self.children(son, bride, eth, son.surname, "Cháu")
            return people + kids
        if kind == "elderly":
            head = self.person(rng.choice(("male", "female")), rng.randint(60, 96), eth,
                               "Chủ hộ")
            if rng.random() < 0.55:
                other = self.person("female" if head.sex == "male" else "male",
                                    max(58, self.age(head.dob) + rng.randint(-5, 5)), eth,
                                    "Vợ" if head.sex == "male" else "Chồng")
                return [head, other]
            return [head]
        if kind == "single":
            return [self.person(rng.choice(("male", "female")), rng.randint(19, 60), eth,
                                "Chủ hộ")]
        # Grandparents raising grandchildren whose parents work away (parents not listed here).
        grandpa, grandma = self.couple(rng.randint(50, 72), eth)
        people = [grandpa, grandma]
        surname = grandpa.surname
        father_year = REFERENCE_DATE.year - rng.randint(26, 40)
        father_name = self.name("male", surname, eth, father_year)
        mother_year = father_year + rng.randint(0, 4)
        mother_name = self.name("female", self.surname(eth), eth, mother_year)
        father_pid = self.new_pid("male", father_year)
        mother_pid = self.new_pid("female", mother_year)
        for _ in range(rng.choice((1, 1, 2, 2, 3))):
            kid = self.person(rng.choice(("male", "female")), rng.randint(0, 13), eth, "Cháu",
                              surname)
            kid.outside_father = (father_pid, father_name)
            kid.outside_mother = (mother_pid, mother_name)
            if rng.random() < 0.05:  # parents unreachable: the grandfather is the guardian
                kid.outside_father = kid.outside_mother = None
                kid.guardian = grandpa
            people.append(kid)
        return people

    # --- documents ---------------------------------------------------------------------------

    def card(self, p: _Person) -> tuple[str, str, date, date | None] | None:
        """The newest identity document held on the reference date, if any."""
        rng = self.rng
        age = self.age(p.dob)
        turned_14 = _on(p.dob.year + 14, p.dob.month, p.dob.day)
        if age < 14:
            if rng.random() < 0.08:
                issued = max(date(2024, 7, 1), p.dob + timedelta(days=30))
                issued += timedelta(days=rng.randint(0, max(0, (REFERENCE_DATE - issued).days)))
                return "can_cuoc", p.pid, issued, self.expiry(p.dob, issued)
            return None
        roll = rng.random()
        if roll < 0.08:
            return None
        if turned_14 >= date(2024, 7, 1) or roll < 0.30:
            start = max(date(2024, 7, 1), turned_14)
            if start >= REFERENCE_DATE:
                return None
            issued = start + timedelta(days=rng.randint(0, (REFERENCE_DATE - start).days))
            return "can_cuoc", p.pid, issued, self.expiry(p.dob, issued)
        if roll < 0.90 or turned_14 >= date(2016, 1, 1):
            start = max(date(2016, 1, 1), turned_14)
            end = date(2024, 6, 30)
            if rng.random() < 0.7:  # the 2021 chip-card campaign
                start, end = max(start, date(2021, 3, 1)), max(start, date(2022, 6, 30))
            issued = start + timedelta(days=rng.randint(0, max(0, (end - start).days)))
            return "cccd", p.pid, issued, self.expiry(p.dob, issued)
        start = max(date(1995, 1, 1), turned_14)
        issued = start + timedelta(days=rng.randint(0, max(0, (date(2015, 12, 31) - start).days)))
        number = f"09{rng.randrange(10_000_000):07d}"
        return "cmnd", number, issued, _on(issued.year + 15, issued.month, issued.day)

    @staticmethod
    def expiry(dob: date, issued: date) -> date | None:
        a = issued.year - dob.year - ((issued.month, issued.day) < (dob.month, dob.day))
        for limit, milestone in ((12, 14), (23, 25), (38, 40), (58, 60)):
            if a < limit:
                return _on(dob.year + milestone, dob.month, dob.day)
        return None


def _records(builder: CityBuilder) -> tuple[list[Record], dict[str, int]]:
    rng = builder.rng
    weights = [h * (1.0 if kind == "ward" else 1.15) for _, _, kind, h in UNITS]
    records: list[Record] = []
    counts = {"households": 0, "minority": 0, "under_6": 0, "age_6_to_13": 0}
    serial: dict[str, int] = {}
    province_names = builder.province_names
    while len(records) < builder.target:
        code, unit_name, kind, hamlets = rng.choices(UNITS, weights)[0]
        idx = rng.randrange(hamlets)
        hamlet = (_COMMUNE_HAMLETS[code][idx] if code in _COMMUNE_HAMLETS
                  else f"Tổ dân phố {idx + 1}")
        people = builder.household(kind == "commune")
        people = people[: builder.target - len(records)]
        serial[code] = serial.get(code, 0) + 1
        number = f"{code}{serial[code]:05d}"
        counts["households"] += 1
        residence = f"{hamlet}, {unit_name}, {CITY}, {PROVINCE}"
        for p in people:
            age = builder.age(p.dob)
            if age < 6:
                counts["under_6"] += 1
            elif age < 14:
                counts["age_6_to_13"] += 1
            if p.ethnicity != "Kinh":
                counts["minority"] += 1
            province = province_names.get(p.pid[:3], "Thái Nguyên")
            born_here = p.pid[:3] == PROVINCE_CODE
            r = Record(
                pid=p.pid, full_name=p.name, date_of_birth=p.dob, sex=p.sex,
                dob_precision=p.dob_precision, ethnicity=p.ethnicity,
                religion=builder.pick(_RELIGIONS),
                hometown=(f"{unit_name}, {CITY}, {PROVINCE}" if born_here and rng.random() < 0.6
                          else f"tỉnh {province}"),
                birth_registration_place=(f"{unit_name}, {CITY}, {PROVINCE}" if born_here
                                          else f"tỉnh {province}"),
                residence=residence, unit_code=code, unit_name=unit_name, hamlet=hamlet,
                household_id=number, relation_to_head=p.relation,
            )
            for role, parent, outside in (("father", p.father, p.outside_father),
                                          ("mother", p.mother, p.outside_mother)):
                if parent is not None:
                    ppid: str | None = parent.pid
                    pname: str | None = parent.name
                elif outside is not None:
                    ppid, pname = outside
                else:
                    continue
                if rng.random() < 0.03:  # the parent's ID was never entered
                    ppid = None
                setattr(r, f"{role}_pid", ppid)
                setattr(r, f"{role}_name", pname)
            if p.guardian is not None:
                r.guardian_pid, r.guardian_name = p.guardian.pid, p.guardian.name
            card = builder.card(p)
            if card is not None:
                r.card_type, r.card_number, r.card_issued_on, r.card_expires_on = card
            if age >= 18 and rng.random() < 0.6:
                r.phone = f"0{rng.choice('389')}{rng.randrange(100_000_000):08d}"
            records.append(r)
    _make_dirty(builder, records)
    return records, counts


def _make_dirty(builder: CityBuilder, records: list[Record]) -> None:
    """A handful of records with the faults real extracts have, for the checks to find."""
    rng = builder.rng
    if len(records) < 50:
        return
    picks = rng.sample(range(len(records)), 14)
    for n, i in enumerate(picks):
        r = records[i]
        if n < 3:  # the birth year digits disagree with the date of birth
            wrong = f"{(r.date_of_birth.year + 1) % 100:02d}"
            r.pid = _unique(builder, r.pid[:4] + wrong + r.pid[6:])
        elif n < 5:  # the sex digit disagrees with the sex
            g = int(r.pid[3]) ^ 1
            r.pid = _unique(builder, r.pid[:3] + str(g) + r.pid[4:])
        elif n < 7:  # a province code that is in no table (a birth registered abroad?)
            r.pid = _unique(builder, "099" + r.pid[3:])
        elif n < 11:  # typed in capitals with a double space
            r.full_name = r.full_name.upper()
        else:  # a child with no parent or guardian on record
            r.father_pid = r.mother_pid = r.father_name = r.mother_name = None
            r.guardian_pid = r.guardian_name = None
            if r.card_type in ("cccd", "can_cuoc"):
                r.card_number = r.pid
        if r.card_type in ("cccd", "can_cuoc"):
            r.card_number = r.pid
        builder.counts["dirty"] += 1


def _unique(builder: CityBuilder, pid: str) -> str:
    while pid in builder.pids:
        pid = pid[:6] + f"{builder.rng.randrange(1_000_000):06d}"
    builder.pids.add(pid)
    return pid


def create_demo_city(db: Any, *, residents: int = DEFAULT_RESIDENTS, seed: int = 1,
                     batch: int = 5000) -> dict[str, Any]:
    """Fill an empty database with the demo city; returns the counts."""
    builder = CityBuilder(seed, residents)
    with db.write_session() as session:
        conn = session.connection()
        existing = conn.execute(select(func.count()).select_from(Resident)).scalar_one()
        if existing:
            raise DemoNotEmpty(int(existing))
        records, counts = _records(builder)
        writer = RecordWriter(conn, source=f"demo:seed={seed}", now=datetime.now(UTC))
        province_id = writer.unit(PROVINCE_CODE, "Thái Nguyên", "province")
        for code, name, kind, hamlets in UNITS:
            unit_id = writer.unit(code, name, kind, province_id)
            for i in range(hamlets):
                hamlet = (_COMMUNE_HAMLETS[code][i] if code in _COMMUNE_HAMLETS
                          else f"Tổ dân phố {i + 1}")
                writer.unit(hamlet_code(code, hamlet), hamlet, "hamlet", unit_id)
        present = frozenset(Record.__dataclass_fields__) - {"row", "_hash"}
        for i in range(0, len(records), batch):
            writer.insert_new(records[i:i + batch], present)
        documents = sum(1 for r in records if r.card_number)
        links = sum(1 for r in records for role in ("father", "mother", "guardian")
                    if getattr(r, f"{role}_pid") or getattr(r, f"{role}_name"))
    result: dict[str, Any] = {
        "seed": seed,
        "reference_date": REFERENCE_DATE.isoformat(),
        "units": len(UNITS),
        "hamlets": sum(h for *_, h in UNITS),
        "households": counts["households"],
        "residents": len(records),
        "under_6": counts["under_6"],
        "age_6_to_13": counts["age_6_to_13"],
        "minority": counts["minority"],
        "documents": documents,
        "parent_links": links,
        "dirty": builder.counts["dirty"],
    }
    result["applications"] = _demo_applications(db)
    return result


def _demo_applications(db: Any) -> Any:
    try:
        module = importlib.import_module("workstation.enrollment.demo")
    except ImportError:
        return None
    create = getattr(module, "create_demo_applications", None)
    if create is None:
        return None
    try:
        return create(db)
    except Exception as exc:  # noqa: BLE001 - the residents are in; say what failed
        log.warning("demo applications not created: %s", exc)
        return {"error": f"{type(exc).__name__}: {exc}"}


def fill_if_empty(db: Any) -> dict[str, Any]:
    """The demo city when the records are empty (``workstation init --demo-if-empty``)."""
    with db.session() as session:
        existing = session.execute(select(func.count()).select_from(Resident)).scalar_one()
    if existing:
        return {"skipped": True, "residents": int(existing)}
    try:
        return create_demo_city(db)
    except DemoNotEmpty as exc:  # another process filled it meanwhile
        return {"skipped": True, "residents": exc.residents}


EXPORT_HEADER = (
    ("pid", "Số định danh cá nhân"), ("full_name", "Họ, chữ đệm và tên"),
    ("date_of_birth", "Ngày sinh"), ("sex", "Giới tính"), ("ethnicity", "Dân tộc"),
    ("religion", "Tôn giáo"), ("birth_registration_place", "Nơi đăng ký khai sinh"),
    ("hometown", "Quê quán"), ("residence", "Nơi thường trú"),
    ("unit_code", "Mã đơn vị hành chính"), ("unit_name", "Phường/Xã"),
    ("hamlet", "Thôn/Tổ dân phố"), ("household_id", "Số hộ"),
    ("relation_to_head", "Quan hệ với chủ hộ"), ("father_pid", "Số định danh của cha"),
    ("father_name", "Họ tên cha"), ("mother_pid", "Số định danh của mẹ"),
    ("mother_name", "Họ tên mẹ"), ("guardian_pid", "Số định danh người giám hộ"),
    ("guardian_name", "Họ tên người giám hộ"), ("card_type", "Loại giấy tờ"),
    ("card_number", "Số thẻ"), ("card_issued_on", "Ngày cấp"),
    ("card_expires_on", "Có giá trị đến"), ("phone", "Số điện thoại"),
)
_CARD_NAMES = {"cmnd": "CMND", "cccd": "CCCD", "can_cuoc": "Căn cước"}


def export_row(r: Record) -> list[str]:
    """A record as a station's spreadsheet writes it (dd/mm/yyyy, Nam/Nữ, Vietnamese words)."""
    def day(d: date | None) -> str:
        return d.strftime("%d/%m/%Y") if d else ""

    out: list[str] = []
    for name, _ in EXPORT_HEADER:
        value: Any = getattr(r, name)
        if name == "date_of_birth":
            value = str(r.date_of_birth.year) if r.dob_precision == "year" else day(value)
        elif name == "sex":
            value = "Nam" if value == "male" else "Nữ"
        elif name == "card_type":
            value = _CARD_NAMES.get(value or "", "")
        elif name == "card_issued_on":
            value = day(value)
        elif name == "card_expires_on":
            value = day(value) if value else ("Không thời hạn" if r.card_number else "")
        out.append("" if value is None else str(value))
    return out


def sample_records(residents: int, seed: int = 1) -> list[Record]:
    """The demo city's records without a database (tests and benchmarks export them)."""
    records, _ = _records(CityBuilder(seed, residents))
    return records
