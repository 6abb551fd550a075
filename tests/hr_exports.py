"""Files shaped like real HR and CRM exports, made by code, for tests and benchmarks.

Step 1 imports whatever an HR system hands over, and tidy examples hide what breaks an
importer: names written "Last, First  M" with two spaces, department names with trailing
spaces, ids that are not contiguous or not there at all, leavers marked three different
ways, dates as text in one file and as typed Excel cells in the next. Each generator here
copies one public file's header exactly and its value styles, and is deterministic for a
seed, so a test can make a small file and a benchmark a large one from the same code:

- `hr_analytics_csv`: Huebner's "Human Resources Data Set" (Kaggle, HRDataset_v14, 311
  rows), the shape of an HRIS table dump: "Adinolfi, Wilson  K" names (two spaces before the
  initial, sometimes trailing spaces), "Production       " with its trailing spaces, ten
  coded *ID columns beside their text, birth dates as mm/dd/yy next to m/d/yyyy dates, ZIP
  codes that lost their leading zero, a "M " sex code, a ManagerID that is not an EmpID and
  is blank on some rows. Leavers show in Termd, EmploymentStatus, DateofTermination and
  TermReason; sensitive columns: DOB, Sex, MaritalDesc, CitizenDesc, HispanicLatino,
  RaceDesc, Salary, PerformanceScore.
- `attrition_csv`: IBM's "HR Analytics Employee Attrition & Performance" (1,470 rows), the
  shape of an analytics extract: no names, EmployeeNumber with gaps, 1-4 coded scales,
  constant columns (EmployeeCount, Over18, StandardHours). Leavers only as Attrition Yes;
  sensitive columns: Age, Gender, MaritalStatus, MonthlyIncome, PerformanceRating.
- `public_sector_csv`: the City of Chicago's "Current Employee Names, Salaries, and Position
  Titles", the shape of a public payroll: capitals, "AARON,  JEFFERY M", no id column and
  people who share a name, a few dozen titles covering most rows and a long tail of over a
  thousand, salaried and hourly pay in separate columns. No leavers; sensitive: pay.
- `sample_roster_xlsx`: the "Employee Sample Data" workbook (1,000 rows on a "Data" sheet,
  a "Notes" sheet beside it), the shape of a roster someone saved from Excel: typed cells
  (dates, currency, percentages), "First Last" names, "E02387" ids, an Exit Date for ~8%.
  Sensitive columns: Gender, Ethnicity, Age, Annual Salary, Bonus %.
- `crm_accounts_csv`: a Salesforce "Accounts" report, one row per account, saying who owns
  each customer by full name (or e-mail, or id) only, so who is customer-facing is known by
  joining to a roster; some accounts belong to a departed rep, an integration user or a
  queue, as in every real CRM.

The names and values are made up; only the shapes are copied.
"""

from __future__ import annotations

import csv
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import accumulate
from pathlib import Path
from typing import Literal, TypeVar

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

T = TypeVar("T")

# ---------------------------------------------------------------------------------------------
# Shared helpers: one name maker and one date formatter for every shape.

MALE = ["James", "John", "Robert", "Michael", "William", "David", "Richard", "Joseph", "Thomas", "Charles",
        "Christopher", "Daniel", "Matthew", "Anthony", "Mark", "Donald", "Steven", "Paul", "Andrew", "Joshua",
        "Kevin", "Brian", "George", "Timothy", "Ronald", "Jason", "Edward", "Jeffery", "Ryan", "Jacob", "Gary",
        "Nicholas", "Eric", "Jonathan", "Stephen", "Larry", "Justin", "Scott", "Brandon", "Benjamin", "Samuel",
        "Raymond", "Gregory", "Frank", "Alexander", "Patrick", "Jack", "Dennis", "Jerry", "Tyler", "Aaron",
        "Jose", "Adam", "Henry", "Nathan", "Douglas", "Zachary", "Peter", "Kyle", "Walter", "Ethan", "Jeremy",
        "Harold", "Keith", "Christian", "Roger", "Noah", "Gerald", "Carl", "Terry", "Sean", "Austin", "Arthur",
        "Lawrence", "Jesse", "Dylan", "Bryan", "Joe", "Jordan", "Billy", "Bruce", "Albert", "Willie", "Gabriel",
        "Logan", "Alan", "Juan", "Wayne", "Roy", "Ralph", "Randy", "Eugene", "Vincent", "Russell", "Elijah",
        "Louis", "Bobby", "Philip", "Johnny", "Wilson", "Karthikeyan", "Vicente", "Emmanuel", "Wei", "Rajesh",
        "Tuan", "Mohammed", "Luis", "Carlos", "Jamal", "Darnell", "Hiroshi", "Dmitri", "Mateus", "Joao"]
FEMALE = ["Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah", "Karen",
          "Lisa", "Nancy", "Betty", "Margaret", "Sandra", "Ashley", "Kimberly", "Emily", "Donna", "Michelle",
          "Carol", "Amanda", "Dorothy", "Melissa", "Deborah", "Stephanie", "Rebecca", "Sharon", "Laura",
          "Cynthia", "Kathleen", "Amy", "Angela", "Shirley", "Anna", "Brenda", "Pamela", "Emma", "Nicole",
          "Helen", "Samantha", "Katherine", "Christine", "Debra", "Rachel", "Carolyn", "Janet", "Catherine",
          "Maria", "Heather", "Diane", "Ruth", "Julie", "Olivia", "Joyce", "Virginia", "Victoria", "Kelly",
          "Lauren", "Christina", "Joan", "Evelyn", "Judith", "Megan", "Andrea", "Cheryl", "Hannah", "Jacqueline",
          "Martha", "Gloria", "Teresa", "Ann", "Sara", "Madison", "Frances", "Kathryn", "Janice", "Jean",
          "Abigail", "Alice", "Judy", "Sophia", "Grace", "Denise", "Amber", "Doris", "Marilyn", "Danielle",
          "Beverly", "Isabella", "Theresa", "Diana", "Natalie", "Brittany", "Charlotte", "Marie", "Kayla",
          "Alexis", "Lori", "Karina", "Elvia", "Kimberlei", "Lynise", "Bianca", "Sneha", "Mei", "Priya",
          "Guadalupe", "Keisha", "Yuki", "Svetlana", "Fernanda", "Aisha", "Ngoc"]
# Most common first, so a draw weighted by rank repeats the common names as a real workforce does.
SURNAMES = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez",
            "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore",
            "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez",
            "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill",
            "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter",
            "Roberts", "Gomez", "Phillips", "Evans", "Turner", "Diaz", "Parker", "Cruz", "Edwards", "Collins",
            "Reyes", "Stewart", "Morris", "Morales", "Murphy", "Cook", "Rogers", "Gutierrez", "Ortiz", "Morgan",
            "Cooper", "Peterson", "Bailey", "Reed", "Kelly", "Howard", "Ramos", "Kim", "Cox", "Ward", "Richardson",
            "Watson", "Brooks", "Chavez", "Wood", "James", "Bennett", "Gray", "Mendoza", "Ruiz", "Hughes", "Price",
            "Alvarez", "Castillo", "Sanders", "Patel", "Myers", "Long", "Ross", "Foster", "Jimenez", "Powell",
            "Jenkins", "Perry", "Russell", "Sullivan", "Bell", "Coleman", "Butler", "Henderson", "Barnes",
            "Gonzales", "Fisher", "Vasquez", "Simmons", "Romero", "Jordan", "Patterson", "Alexander", "Hamilton",
            "Graham", "Reynolds", "Griffin", "Wallace", "Moreno", "West", "Cole", "Hayes", "Bryant", "Herrera",
            "Gibson", "Ellis", "Tran", "Medina", "Aguilar", "Stevens", "Murray", "Ford", "Castro", "Marshall",
            "Owens", "Harrison", "Fernandez", "McDonald", "Woods", "Washington", "Kennedy", "Wells", "Vargas",
            "Henry", "Chen", "Freeman", "Webb", "Tucker", "Guzman", "Burns", "Crawford", "Olson", "Simpson",
            "Porter", "Hunter", "Gordon", "Mendez", "Silva", "Shaw", "Snyder", "Mason", "Dixon", "Munoz", "Hunt",
            "Hicks", "Holmes", "Palmer", "Wagner", "Black", "Robertson", "Boyd", "Rose", "Stone", "Salazar", "Fox",
            "Warren", "Mills", "Meyer", "Rice", "Schmidt", "Garza", "Daniels", "Ferguson", "Nichols", "Stephens",
            "Soto", "Weaver", "Ryan", "Gardner", "Payne", "Grant", "Dunn", "Kowalski", "Wojcik", "O'Brien",
            "O'Connor", "McCarthy", "Fitzgerald", "Zhang", "Wang", "Liu", "Yamamoto", "Singh", "Kumar",
            "Abernathy-Cole", "Smith-Jones", "De La Cruz", "Van Der Berg", "Ait Sidi", "Del Toro", "St. James",
            "Adinolfi", "Akinkuolie", "Abbatacola", "Wrzesniewska Kozak", "Clemons Sams", "Nowakowski",
            "Papadopoulos", "Okafor", "Oyelaran", "Bergstrom", "Lindqvist", "Szczepanski", "Dabrowski"]
SURNAME_WEIGHTS = list(accumulate(1 / (rank + 40) for rank in range(len(SURNAMES))))
SEXES: tuple[Literal["M", "F"], ...] = ("M", "F")
INITIALS = [""] * 10 + list("ABCDEFGHIJKLMNOPRSTW") + list("AJMLR")  # ~30% have none; some letters common


@dataclass(frozen=True, slots=True)
class Person:
    """A made-up person: each shape writes the same parts in its own name style."""

    first: str
    middle: str  # one initial, or "" (about a third of people have none on file)
    last: str
    sex: Literal["M", "F"]


def people(rng: random.Random, count: int) -> list[Person]:
    """`count` people, drawn in bulk (a 200,000-row file needs this fast) with the common
    surnames repeating and now and then two people with the same name, as in any big
    workforce: an importer that keys people by name has to meet that."""
    lasts = rng.choices(SURNAMES, cum_weights=SURNAME_WEIGHTS, k=count)
    middles = rng.choices(INITIALS, k=count)
    sexes = rng.choices(SEXES, k=count)
    women, men = rng.choices(FEMALE, k=count), rng.choices(MALE, k=count)
    return [Person(woman if sex == "F" else man, middle, last, sex)
            for last, middle, sex, woman, man in zip(lasts, middles, sexes, women, men, strict=True)]


def us_date(day: date, short_year: bool = False) -> str:
    """A date as US HR systems write it to CSV: 7/5/2011, unpadded; `short_year` gives the
    zero-padded 07/10/83 some of them use for birth dates (a century the reader must guess)."""
    return day.strftime("%m/%d/%y") if short_year else f"{day.month}/{day.day}/{day.year}"


def some_day(rng: random.Random, first: date, last: date) -> date:
    """A day from `first` to `last`, both included."""
    return first + timedelta(days=rng.randint(0, (last - first).days))


def pick(rng: random.Random, weights: Mapping[T, float]) -> T:
    """One key of `weights`, drawn in proportion to its weight (a real file's counts)."""
    return rng.choices(list(weights), list(weights.values()))[0]


def quotas(weights: Sequence[float], total: int) -> list[int]:
    """`total` split in proportion to `weights` by largest remainder: the real file's counts
    at its own size, the same proportions at any other, and no share left to chance."""
    scale = total / sum(weights)
    counts = [int(w * scale) for w in weights]
    by_remainder = sorted(range(len(weights)), key=lambda i: counts[i] - weights[i] * scale)
    for i in by_remainder[:total - sum(counts)]:
        counts[i] += 1
    return counts


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    """The rows under the header, as Excel and most exporters write CSV (CRLF, minimal quoting)."""
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(header)
        writer.writerows(rows)
    return path


# ---------------------------------------------------------------------------------------------
# 1. Huebner's Human Resources Data Set (HRDataset_v14).

HR_ANALYTICS_HEADER = [
    "Employee_Name", "EmpID", "MarriedID", "MaritalStatusID", "GenderID", "EmpStatusID", "DeptID", "PerfScoreID",
    "FromDiversityJobFairID", "Salary", "Termd", "PositionID", "Position", "State", "Zip", "DOB", "Sex",
    "MaritalDesc", "CitizenDesc", "HispanicLatino", "RaceDesc", "DateofHire", "DateofTermination", "TermReason",
    "EmploymentStatus", "Department", "ManagerName", "ManagerID", "RecruitmentSource", "PerformanceScore",
    "EngagementSurvey", "EmpSatisfaction", "SpecialProjectsCount", "LastPerformanceReview_Date",
    "DaysLateLast30", "Absences"]
PRODUCTION = "Production       "  # the real file's spelling, trailing spaces and all
HR_DEPARTMENT_IDS = {"Admin Offices": 1, "Executive Office": 2, "IT/IS": 3, "Software Engineering": 4,
                     PRODUCTION: 5, "Sales": 6}
# Managers are named "First Last" with an id of their own that matches no EmpID.
HR_MANAGERS = {
    PRODUCTION: [("Michael Albert", "22"), ("Elijah Gray", "16"), ("Kissy Sullivan", "20"),
                 ("Webster Butler", "39"), ("Amy Dunn", "11"), ("Ketsia Liebig", "19"), ("Brannon Miller", "12"),
                 ("David Stanley", "14"), ("Kelley Spirea", "18")],
    "IT/IS": [("Simon Roup", "4"), ("Peter Monroe", "7"), ("Eric Dougall", "6"), ("Brian Champaigne", "13")],
    "Sales": [("John Smith", "17"), ("Lynn Daneault", "21"), ("Debra Houlihan", "15")],
    "Software Engineering": [("Alex Sweetwater", "10")],
    "Admin Offices": [("Brandon R. LeBlanc", "1")],
    "Executive Office": [("Board of Directors", "9")],
}
CHIEF = ("Janet King", "2")
BLANK_ID_MANAGER = "Webster Butler"  # the real file leaves his ManagerID blank on some rows


@dataclass(frozen=True, slots=True)
class Position:
    """A position of the HR data set: its department, its head count in the 311-row file,
    its pay band, and whom it reports to when not to a manager of its own department."""

    title: str
    department: str
    count: int
    pay: tuple[int, int]
    boss: tuple[str, str] | None = None


HR_POSITIONS = [
    Position("Production Technician I", PRODUCTION, 137, (45_000, 68_000)),
    Position("Production Technician II", PRODUCTION, 57, (55_000, 75_000)),
    Position("Area Sales Manager", "Sales", 27, (55_000, 72_000)),
    Position("Production Manager", PRODUCTION, 14, (70_000, 80_000), CHIEF),
    Position("Software Engineer", "Software Engineering", 10, (77_000, 108_000)),
    Position("IT Support", "IT/IS", 8, (55_000, 65_000)),
    Position("Data Analyst", "IT/IS", 8, (83_000, 96_000)),
    Position("Network Engineer", "IT/IS", 5, (56_000, 70_000)),
    Position("Sr. Network Engineer", "IT/IS", 5, (89_000, 96_000)),
    Position("Database Administrator", "IT/IS", 5, (100_000, 114_000)),
    Position("BI Developer", "IT/IS", 4, (93_000, 100_000)),
    Position("Senior BI Developer", "IT/IS", 3, (100_000, 111_000)),
    Position("Administrative Assistant", "Admin Offices", 3, (50_000, 58_000)),
    Position("Accountant I", "Admin Offices", 3, (58_000, 64_000)),
    Position("Sales Manager", "Sales", 3, (106_000, 115_000)),
    Position("Sr. DBA", "IT/IS", 2, (102_000, 114_000)),
    Position("Sr. Accountant", "Admin Offices", 2, (92_000, 104_000)),
    Position("IT Manager - DB", "IT/IS", 2, (138_000, 158_000)),
    Position("IT Manager - Support", "IT/IS", 1, (138_000, 158_000)),
    Position("IT Manager - Infra", "IT/IS", 1, (138_000, 158_000)),
    Position("IT Director", "IT/IS", 1, (178_000, 180_000), CHIEF),
    Position("BI Director", "IT/IS", 1, (110_000, 111_000)),
    Position("Data Architect", "IT/IS", 1, (150_000, 151_000)),
    Position("Enterprise Architect", "IT/IS", 1, (150_000, 151_000)),
    Position("Principal Data Architect", "IT/IS", 1, (120_000, 121_000)),
    Position("Software Engineering Manager", "Software Engineering", 1, (99_000, 100_000)),
    Position("Shared Services Manager", "Admin Offices", 1, (90_000, 94_000), CHIEF),
    Position("Director of Operations", PRODUCTION, 1, (170_000, 171_000), CHIEF),
    Position("Director of Sales", "Sales", 1, (180_000, 181_000), CHIEF),
    Position("CIO", "IT/IS", 1, (220_000, 221_000), CHIEF),
    Position("President & CEO", "Executive Office", 1, (250_000, 250_001)),
]
HR_POSITION_IDS = {title: n for n, title in enumerate(sorted(p.title for p in HR_POSITIONS), start=1)}
MARITAL = {"Single": 0, "Married": 1, "Divorced": 2, "Separated": 3, "Widowed": 4}
MARITAL_COUNTS = dict(zip(MARITAL, [137, 124, 30, 12, 8], strict=True))
PERFORMANCE = {"Exceeds": 4, "Fully Meets": 3, "Needs Improvement": 2, "PIP": 1}
PERFORMANCE_COUNTS = dict(zip(PERFORMANCE, [37, 243, 18, 13], strict=True))
SATISFACTION = {1: 2, 2: 9, 3: 108, 4: 94, 5: 98}
RECRUITMENT = {"Indeed": 87, "LinkedIn": 76, "Google Search": 49, "Employee Referral": 31,
               "Diversity Job Fair": 29, "CareerBuilder": 23, "Website": 13, "Other": 2,
               "On-line Web application": 1}
RACE = {"White": 187, "Black or African American": 80, "Asian": 29, "Two or more races": 11,
        "American Indian or Alaska Native": 3, "Hispanic": 1}
HISPANIC = {"No": 282, "Yes": 27, "no": 1, "yes": 1}  # the odd lower-case answer is in the real file
CITIZEN = {"US Citizen": 295, "Eligible NonCitizen": 12, "Non-Citizen": 4}
# Most live in Massachusetts; a ZIP there starts with 0, which the export drops (01960 -> 1960).
STATES = {"MA": (276, 1001, 2791), "CT": (6, 6001, 6928), "TX": (3, 75001, 79999), "VT": (2, 5001, 5907),
          "NH": (2, 3031, 3897), "RI": (2, 2801, 2940), "NY": (2, 10001, 14925), "ME": (1, 3901, 4992),
          "VA": (1, 20101, 24658), "OH": (1, 43001, 45999), "CA": (1, 90001, 96162), "GA": (1, 30002, 31999),
          "WA": (1, 98001, 99403), "FL": (1, 32003, 34997), "AZ": (1, 85001, 86556), "IN": (1, 46001, 47997)}
STATE_WEIGHTS = {state: spec[0] for state, spec in STATES.items()}
VOLUNTARY_REASONS = {"Another position": 20, "unhappy": 14, "more money": 11, "career change": 9, "hours": 8,
                     "relocation out of area": 5, "return to school": 5, "military": 4, "retiring": 4,
                     "maternity leave - did not return": 3, "medical issues": 3}
CAUSE_REASONS = {"attendance": 7, "performance": 4, "no-call, no-show": 4, "gross misconduct": 1}
HR_LEAVERS = 104 / 311  # 88 voluntarily terminated and 16 terminated for cause
CAUSE_SHARE = 16 / 104


def hr_analytics_csv(path: Path, rows: int = 311, seed: int = 14, *, leavers: float = HR_LEAVERS) -> Path:
    """The Human Resources Data Set's shape, `rows` people in name order as the real file is.

    Positions keep the real file's proportions (the one-off posts such as President & CEO
    stay one-off at any size); `leavers` of the rows, rounded, have left (about one in seven
    terminated for cause), with Termd 1, a DateofTermination and a TermReason.
    """
    rng = random.Random(seed)
    singles = [p for p in HR_POSITIONS if p.count == 1][:rows]
    staffed = [p for p in HR_POSITIONS if p.count > 1]
    seats = singles + [p for p, n in zip(staffed, quotas([p.count for p in staffed], rows - len(singles)),
                                         strict=True) for _ in range(n)]
    rng.shuffle(seats)
    gone = set(rng.sample(range(rows), round(rows * leavers)))
    emp_ids = rng.sample(range(10001, 10001 + rows), rows)
    table = []
    for n, (person, seat) in enumerate(zip(people(rng, rows), seats, strict=True)):
        marital = pick(rng, MARITAL_COUNTS)
        score = pick(rng, PERFORMANCE_COUNTS)
        source = pick(rng, RECRUITMENT)
        state = pick(rng, STATE_WEIGHTS)
        manager, manager_id = seat.boss or rng.choice(HR_MANAGERS[seat.department])
        if manager == BLANK_ID_MANAGER and rng.random() < 0.4:
            manager_id = ""
        hired = some_day(rng, date(2006, 1, 9), date(2017, 12, 31) if n in gone else date(2018, 7, 9))
        if n not in gone:
            status, reason, left = "Active", "N/A-StillEmployed", None
            reviewed = some_day(rng, date(2019, 1, 2), date(2019, 2, 28))
        else:
            cause = rng.random() < CAUSE_SHARE
            reasons = CAUSE_REASONS if cause else VOLUNTARY_REASONS
            status = "Terminated for Cause" if cause else "Voluntarily Terminated"
            reason = pick(rng, reasons)
            left = some_day(rng, hired + timedelta(days=60), date(2018, 11, 30))
            reviewed = some_day(rng, hired + timedelta(days=30), left)
        technical = seat.department in ("IT/IS", "Software Engineering")
        name = f"{person.last}, {person.first}" + (f"  {person.middle}" if person.middle else "")
        table.append([
            name + (" " * rng.randint(1, 3) if rng.random() < 0.03 else ""),
            str(emp_ids[n]), str(int(marital == "Married")), str(MARITAL[marital]), str(int(person.sex == "M")),
            "1" if status == "Active" else "4" if status == "Terminated for Cause" else "5",
            str(HR_DEPARTMENT_IDS[seat.department]), str(PERFORMANCE[score]),
            str(int(source == "Diversity Job Fair")), str(rng.randint(*seat.pay)), str(int(left is not None)),
            str(HR_POSITION_IDS[seat.title]), seat.title, state, str(rng.randint(*STATES[state][1:])),
            us_date(some_day(rng, date(1951, 1, 1), date(1992, 12, 31)), short_year=True),
            "M " if person.sex == "M" else "F", marital, pick(rng, CITIZEN),
            pick(rng, HISPANIC), pick(rng, RACE),
            us_date(hired), us_date(left) if left else "", reason, status, seat.department, manager, manager_id,
            source, score, f"{round(rng.triangular(1.12, 5.0, 4.5), 2):g}", str(pick(rng, SATISFACTION)),
            str(rng.randint(0, 8) if technical else 0), us_date(reviewed),
            str(rng.randint(1, 6) if PERFORMANCE[score] < 3 else 0), str(rng.randint(1, 20)),
        ])
    table.sort(key=lambda row: row[0])
    return write_csv(path, HR_ANALYTICS_HEADER, table)


# ---------------------------------------------------------------------------------------------
# 2. IBM HR Analytics Employee Attrition & Performance.

ATTRITION_HEADER = [
    "Age", "Attrition", "BusinessTravel", "DailyRate", "Department", "DistanceFromHome", "Education",
    "EducationField", "EmployeeCount", "EmployeeNumber", "EnvironmentSatisfaction", "Gender", "HourlyRate",
    "JobInvolvement", "JobLevel", "JobRole", "JobSatisfaction", "MaritalStatus", "MonthlyIncome", "MonthlyRate",
    "NumCompaniesWorked", "Over18", "OverTime", "PercentSalaryHike", "PerformanceRating",
    "RelationshipSatisfaction", "StandardHours", "StockOptionLevel", "TotalWorkingYears", "TrainingTimesLastYear",
    "WorkLifeBalance", "YearsAtCompany", "YearsInCurrentRole", "YearsSinceLastPromotion", "YearsWithCurrManager"]
SALES, RESEARCH, HUMAN_RESOURCES = "Sales", "Research & Development", "Human Resources"
# Role: (head count in the 1,470-row file, {department: weight}, {job level: weight}).
JOB_ROLES: dict[str, tuple[int, dict[str, int], dict[int, int]]] = {
    "Sales Executive": (326, {SALES: 1}, {2: 6, 3: 3}),
    "Research Scientist": (292, {RESEARCH: 1}, {1: 7, 2: 3}),
    "Laboratory Technician": (259, {RESEARCH: 1}, {1: 7, 2: 3}),
    "Manufacturing Director": (145, {RESEARCH: 1}, {2: 5, 3: 4}),
    "Healthcare Representative": (131, {RESEARCH: 1}, {2: 5, 3: 4, 4: 1}),
    "Manager": (102, {SALES: 37, RESEARCH: 54, HUMAN_RESOURCES: 11}, {3: 1, 4: 5, 5: 4}),
    "Sales Representative": (83, {SALES: 1}, {1: 9, 2: 1}),
    "Research Director": (80, {RESEARCH: 1}, {3: 3, 4: 4, 5: 3}),
    "Human Resources": (52, {HUMAN_RESOURCES: 1}, {1: 6, 2: 3, 3: 1}),
}
MONTHLY_INCOME = {1: (1009, 4968), 2: (2272, 9854), 3: (4805, 13995), 4: (12061, 17924), 5: (18041, 19999)}
EDUCATION_FIELDS = {SALES: {"Marketing": 35, "Life Sciences": 30, "Medical": 25, "Technical Degree": 7, "Other": 3},
                    RESEARCH: {"Life Sciences": 45, "Medical": 35, "Technical Degree": 12, "Other": 8},
                    HUMAN_RESOURCES: {"Human Resources": 43, "Life Sciences": 25, "Medical": 20, "Other": 12}}
TRAVEL = {"Travel_Rarely": 1043, "Travel_Frequently": 277, "Non-Travel": 150}
MARITAL_STATUS = {"Married": 673, "Single": 470, "Divorced": 327}
GENDERS = {"Male": 882, "Female": 588}
EDUCATION = {1: 170, 2: 282, 3: 572, 4: 398, 5: 48}
STOCK_OPTIONS = {0: 161, 1: 596, 2: 158, 3: 85}  # of those not single: the single have none
TRAINING_TIMES = {0: 54, 1: 71, 2: 547, 3: 491, 4: 123, 5: 119, 6: 65}
WORK_LIFE_BALANCE = {1: 80, 2: 344, 3: 893, 4: 153}
ATTRITION_LEAVERS = 237 / 1470


def attrition_csv(path: Path, rows: int = 1470, seed: int = 1470, *, leavers: float = ATTRITION_LEAVERS) -> Path:
    """The IBM attrition file's shape, in EmployeeNumber order with gaps as the real file has.

    Roles keep the real file's proportions. `leavers` of the rows, rounded, say Attrition
    Yes, and they are the ones most at risk as in the real data (overtime, entry level,
    single, young, frequent travel), so a test can expect a pattern and not pure noise.
    """
    rng = random.Random(seed)
    roles = [role for role, n in zip(JOB_ROLES, quotas([r[0] for r in JOB_ROLES.values()], rows), strict=True)
             for _ in range(n)]
    rng.shuffle(roles)
    numbers = list(accumulate(rng.choices([1, 2, 3], [65, 25, 10], k=rows)))
    table, risks = [], []
    for number, role in zip(numbers, roles, strict=True):
        _, departments, levels = JOB_ROLES[role]
        department = pick(rng, departments)
        level = pick(rng, levels)
        age = max(18 + 3 * level, min(60, round(rng.gauss(37, 9))))
        career = rng.randint(max(0, level * 3 - 3), min(40, age - 18))
        tenure = rng.randint(0, career)
        married = pick(rng, MARITAL_STATUS)
        travel = pick(rng, TRAVEL)
        overtime = rng.random() < 0.28
        hike = min(25, 11 + int(rng.expovariate(1 / 4)))
        fields = EDUCATION_FIELDS[department]
        risks.append(0.3 * overtime + 0.2 * (level == 1) + 0.15 * (married == "Single") + 0.15 * (age < 30)
                     + 0.1 * (travel == "Travel_Frequently") + rng.random() * 0.5)
        table.append([
            str(age), "No", travel, str(rng.randint(102, 1499)), department,
            str(min(29, 1 + int(rng.expovariate(1 / 8)))), str(pick(rng, EDUCATION)),
            pick(rng, fields), "1", str(number), str(rng.randint(1, 4)),
            pick(rng, GENDERS), str(rng.randint(30, 100)), str(rng.randint(1, 4)),
            str(level), role, str(rng.randint(1, 4)), married, str(rng.randint(*MONTHLY_INCOME[level])),
            str(rng.randint(2094, 26999)), str(0 if tenure == career else rng.randint(1, 9)), "Y",
            "Yes" if overtime else "No", str(hike), "4" if hike >= 20 else "3", str(rng.randint(1, 4)), "80",
            str(0 if married == "Single" else pick(rng, STOCK_OPTIONS)), str(career),
            str(pick(rng, TRAINING_TIMES)), str(pick(rng, WORK_LIFE_BALANCE)),
            str(tenure), str(rng.randint(0, tenure)), str(rng.randint(0, tenure) // 2), str(rng.randint(0, tenure)),
        ])
    for n in sorted(range(rows), key=risks.__getitem__, reverse=True)[:round(rows * leavers)]:
        table[n][1] = "Yes"
    return write_csv(path, ATTRITION_HEADER, table)


# ---------------------------------------------------------------------------------------------
# 3. City of Chicago: Current Employee Names, Salaries, and Position Titles.

PUBLIC_SECTOR_HEADER = ["Name", "Job Titles", "Department", "Full or Part-Time", "Salary or Hourly", "Typical Hours",
                        "Annual Salary", "Hourly Rate"]


@dataclass(frozen=True, slots=True)
class Post:
    """A city job title: where it is found, its weight among ~31,000 staff, and its pay
    (hours 0: salaried at `pay` a year; otherwise paid `pay` an hour for `hours` a week)."""

    title: str
    departments: tuple[str, ...]
    weight: float
    hours: int
    pay: float


OFFICES = ("FINANCE", "WATER MGMNT", "TRANSPORTN", "HEALTH", "FAMILY & SUPPORT", "BUILDINGS", "LAW", "POLICE",
           "FIRE", "AVIATION", "STREETS & SAN", "PUBLIC LIBRARY", "BUSINESS AFFAIRS", "HOUSING", "DAIS",
           "HUMAN RESOURCES", "PROCUREMENT", "OEMC", "MAYOR'S OFFICE", "CITY CLERK", "COPA")
# The titles most people hold, heaviest first; a few public-facing ones in small numbers.
PUBLIC_HEAD = [
    Post("POLICE OFFICER", ("POLICE",), 9000, 0, 84_054),
    Post("FIREFIGHTER-EMT", ("FIRE",), 1400, 0, 90_024),
    Post("SERGEANT", ("POLICE",), 1100, 0, 111_474),
    Post("POOL MOTOR TRUCK DRIVER", ("STREETS & SAN",), 900, 40, 37.05),
    Post("POLICE OFFICER (ASSIGNED AS DETECTIVE)", ("POLICE",), 850, 0, 94_122),
    Post("SANITATION LABORER", ("STREETS & SAN",), 600, 40, 38.85),
    Post("MOTOR TRUCK DRIVER", ("STREETS & SAN", "WATER MGMNT", "TRANSPORTN", "AVIATION"), 500, 40, 38.35),
    Post("CROSSING GUARD", ("OEMC",), 450, 20, 16.78),
    Post("CONSTRUCTION LABORER", ("WATER MGMNT", "TRANSPORTN"), 400, 40, 45.90),
    Post("ELECTRICAL MECHANIC", ("WATER MGMNT", "AVIATION", "TRANSPORTN", "DAIS"), 380, 40, 51.00),
    Post("TRAFFIC CONTROL AIDE-HOURLY", ("OEMC",), 350, 20, 19.86),
    Post("LIEUTENANT", ("POLICE",), 330, 0, 129_486),
    Post("FIRE ENGINEER-EMT", ("FIRE",), 300, 0, 103_476),
    Post("LIEUTENANT-EMT", ("FIRE",), 300, 0, 115_938),
    Post("PARAMEDIC I/C", ("FIRE",), 260, 0, 98_916),
    Post("AVIATION SECURITY OFFICER", ("AVIATION",), 260, 0, 72_486),
    Post("GENERAL LABORER - DSS", ("STREETS & SAN",), 260, 40, 23.30),
    Post("ADMINISTRATIVE ASST II", ("POLICE", "FINANCE", "HEALTH", "WATER MGMNT", "FAMILY & SUPPORT", "BUILDINGS"),
         250, 0, 61_776),
    Post("MACHINIST (AUTOMOTIVE)", ("DAIS",), 240, 40, 50.04),
    Post("POLICE COMMUNICATIONS OPERATOR II", ("OEMC",), 230, 0, 78_864),
    Post("POLICE OFFICER / FLD TRNG OFFICER", ("POLICE",), 200, 0, 100_980),
    Post("CLERK III", ("POLICE", "FINANCE", "HEALTH", "FAMILY & SUPPORT", "CITY CLERK", "LAW"), 200, 0, 55_692),
    Post("CAPTAIN-EMT", ("FIRE",), 190, 0, 132_318),
    Post("OPERATING ENGINEER-GROUP A", ("WATER MGMNT", "AVIATION"), 190, 40, 52.80),
    Post("LIBRARY PAGE", ("PUBLIC LIBRARY",), 170, 20, 16.20),
    Post("LIBRARIAN I", ("PUBLIC LIBRARY",), 170, 0, 78_468),
    Post("CIVIL ENGINEER IV", ("WATER MGMNT", "TRANSPORTN"), 150, 0, 122_112),
    Post("PARAMEDIC", ("FIRE",), 150, 0, 82_326),
    Post("HOISTING ENGINEER", ("STREETS & SAN", "WATER MGMNT"), 140, 40, 55.60),
    Post("POLICE OFFICER (ASSIGNED AS EVIDENCE TECHNICIAN)", ("POLICE",), 120, 0, 96_978),
    Post("STAFF ASST - ALDERMAN", ("CITY COUNCIL",), 110, 0, 52_000),
    Post("DETENTION AIDE", ("POLICE",), 110, 0, 66_564),
    Post("PARKING ENFORCEMENT AIDE", ("FINANCE",), 110, 0, 58_356),
    Post("FOSTER GRANDPARENT", ("FAMILY & SUPPORT",), 100, 20, 3.00),
    Post("PUBLIC HEALTH NURSE II", ("HEALTH",), 90, 0, 93_720),
    Post("POLICE COMMUNICATIONS OPERATOR I", ("OEMC",), 90, 0, 64_884),
    Post("LIBRARY ASSOCIATE", ("PUBLIC LIBRARY",), 80, 0, 63_960),
    Post("SENIOR COMPANION", ("FAMILY & SUPPORT",), 70, 20, 3.00),
    Post("CUSTOMER SERVICE REPRESENTATIVE", ("FINANCE", "WATER MGMNT", "BUSINESS AFFAIRS"), 40, 0, 57_084),
]
# Stems of the long tail, each with the department that has it, made into titles below.
GRADED = [("ENGINEERING TECHNICIAN", "WATER MGMNT"), ("SANITARY ENGINEER", "WATER MGMNT"),
          ("WATER CHEMIST", "WATER MGMNT"), ("CIVIL ENGINEER", "TRANSPORTN"), ("TRAFFIC ENGINEER", "TRANSPORTN"),
          ("ELECTRICAL ENGINEER", "AVIATION"), ("AIRPORT OPERATIONS SUPERVISOR", "AVIATION"),
          ("ACCOUNTANT", "FINANCE"), ("AUDITOR", "FINANCE"), ("REVENUE INVESTIGATOR", "FINANCE"),
          ("DATA ENTRY OPERATOR", "FINANCE"), ("BUDGET ANALYST", "BUDGET & MGMT"),
          ("PROGRAM AUDITOR", "FAMILY & SUPPORT"), ("CASEWORKER", "FAMILY & SUPPORT"),
          ("CASE MANAGER", "FAMILY & SUPPORT"), ("GRANTS RESEARCH SPECIALIST", "FAMILY & SUPPORT"),
          ("PUBLIC HEALTH NURSE", "HEALTH"), ("EPIDEMIOLOGIST", "HEALTH"), ("SANITARIAN", "HEALTH"),
          ("BUILDING INSPECTOR", "BUILDINGS"), ("ELECTRICAL INSPECTOR", "BUILDINGS"),
          ("PLUMBING INSPECTOR", "BUILDINGS"), ("ZONING EXAMINER", "BUILDINGS"), ("HOUSING INSPECTOR", "HOUSING"),
          ("CITY PLANNER", "HOUSING"), ("PERSONNEL ASSISTANT", "HUMAN RESOURCES"),
          ("HUMAN RESOURCES ANALYST", "HUMAN RESOURCES"), ("LIBRARIAN", "PUBLIC LIBRARY"), ("ARCHITECT", "DAIS"),
          ("PROGRAMMER/ANALYST", "DAIS"), ("DATA BASE ANALYST", "DAIS"), ("CONTRACT ADMINISTRATOR", "PROCUREMENT"),
          ("PROCUREMENT SPECIALIST", "PROCUREMENT"), ("INVESTIGATOR", "COPA"), ("ATTORNEY", "LAW"),
          ("PARALEGAL", "LAW"), ("LEGISLATIVE AIDE", "CITY COUNCIL"), ("ANIMAL CARE AIDE", "ANIMAL CONTRL"),
          ("CRIMINALIST", "POLICE"), ("TIMEKEEPER", "POLICE"), ("PUBLIC INFORMATION OFFICER", "MAYOR'S OFFICE"),
          ("POLICY ANALYST", "MAYOR'S OFFICE"), ("CONSUMER INVESTIGATOR", "BUSINESS AFFAIRS"),
          ("LICENSE INVESTIGATOR", "BUSINESS AFFAIRS"), ("EQUIPMENT DISPATCHER", "STREETS & SAN")]
TRADES = [("ELECTRICAL MECHANICS", "WATER MGMNT"), ("MACHINISTS", "DAIS"), ("LINEMEN", "TRANSPORTN"),
          ("SEWER BRICKLAYERS", "WATER MGMNT"), ("CARPENTERS", "DAIS"), ("PLUMBERS", "WATER MGMNT"),
          ("PAINTERS", "DAIS"), ("STEAMFITTERS", "AVIATION"), ("CEMENT FINISHERS", "TRANSPORTN"),
          ("ASPHALT LABORERS", "TRANSPORTN"), ("MOTOR TRUCK DRIVERS", "STREETS & SAN"),
          ("SANITATION LABORERS", "STREETS & SAN"), ("HOISTING ENGINEERS", "WATER MGMNT"),
          ("BRIDGE OPERATORS", "TRANSPORTN"), ("STATIONARY FIREMEN", "WATER MGMNT"), ("GLAZIERS", "DAIS"),
          ("SHEET METAL WORKERS", "DAIS"), ("IRON WORKERS", "TRANSPORTN"), ("WATER PIPE CONSTRUCTION", "WATER MGMNT"),
          ("TREE TRIMMERS", "STREETS & SAN"), ("AUTO MECHANICS", "DAIS"), ("PAVING INSPECTORS", "TRANSPORTN")]
AREAS = ["ADMINISTRATION", "FINANCE", "GRANTS MANAGEMENT", "SPECIAL PROJECTS", "PAYROLLS", "CONTRACTS",
         "COMMUNITY RELATIONS", "INFORMATION SYSTEMS", "PUBLIC AFFAIRS", "TRAINING", "POLICY", "OPERATIONS",
         "SAFETY", "BUDGET", "PERSONNEL", "COMPLIANCE", "INTERGOVERNMENTAL AFFAIRS", "LEGISLATIVE AFFAIRS",
         "PERFORMANCE MANAGEMENT", "RECORDS", "FACILITIES", "PROGRAMS", "OUTREACH", "ACCOUNTS", "INVESTIGATIONS",
         "AUDITS", "CUSTOMER SERVICE", "EMERGENCY MANAGEMENT", "DATA ANALYTICS", "QUALITY CONTROL"]


def public_tail(staff: float) -> list[Post]:
    """The long tail of job titles: some fifteen hundred titles that few people hold, each
    with its own pay, weighted by rank to sum to `staff` people and in a fixed shuffled order,
    so the rarest are not all alphabetical neighbours.

    Built once from fixed stems; a file's seed chooses among them, never changes them.
    """
    rng = random.Random(2017)
    made: list[tuple[str, tuple[str, ...], int, float]] = [
        (f"{rank}{stem}{grade}", (office,), 0, rng.randrange(45_000, 125_000, 12))
        for stem, office in GRADED for rank in ("", "SENIOR ", "SUPERVISING ", "PRINCIPAL ")
        for grade in ("", " I", " II", " III", " IV", " V")]
    made += [(f"{rank}{trade}", (office,), 40, rng.randrange(3800, 5600) / 100)
             for trade, office in TRADES for rank in ("FOREMAN OF ", "GENERAL FOREMAN OF ", "ASST FOREMAN OF ")]
    made += [(f"{rank}{area}{grade}", OFFICES, 0, rng.randrange(60_000, 160_000, 12)) for area in AREAS
             for rank in ("COORD OF ", "DIR OF ", "ASST DIR OF ", "MANAGER OF ", "DEPUTY DIR OF ", "SUPERVISOR OF ")
             for grade in ("", " II")]
    made += [(rank, OFFICES, 0, rng.randrange(110_000, 190_000, 12))
             for rank in ("COMMISSIONER", "FIRST DEPUTY COMMISSIONER", "MANAGING DEPUTY COMMISSIONER",
                          "DEPUTY COMMISSIONER", "ASST COMMISSIONER", "STAFF ASST TO THE COMMISSIONER")]
    rng.shuffle(made)
    by_rank = [1 / (rank + 25) for rank in range(len(made))]
    scale = staff / sum(by_rank)
    return [Post(title, offices, weight * scale, hours, pay)
            for weight, (title, offices, hours, pay) in zip(by_rank, made, strict=True)]


# The head's weights are rough head counts among the real roster's ~31,000 staff; the tail holds the rest.
PUBLIC_POSTS = PUBLIC_HEAD + public_tail(31_000 - sum(p.weight for p in PUBLIC_HEAD))
PUBLIC_WEIGHTS = list(accumulate(p.weight for p in PUBLIC_POSTS))
SUFFIXES = ["JR", "SR", "III", "II"]
PAY_STEPS = [1 + 0.04 * step for step in range(8)]  # a title's pay rises 4% a step, eight steps


def public_sector_csv(path: Path, rows: int = 2000, seed: int = 31) -> Path:
    """The City of Chicago roster's shape, `rows` people in name order as the city files it.

    Pay follows the city's step schedules, so many people share the same salary to the cent;
    salaried rows leave Typical Hours and Hourly Rate blank, hourly rows Annual Salary.
    """
    rng = random.Random(seed)
    posts = rng.choices(PUBLIC_POSTS, cum_weights=PUBLIC_WEIGHTS, k=rows)
    steps = rng.choices(PAY_STEPS, k=rows)
    table = []
    for person, post, step in zip(people(rng, rows), posts, steps, strict=True):
        suffix = f" {rng.choice(SUFFIXES)}" if rng.random() < 0.015 else ""
        name = f"{person.last}{suffix},  {person.first}" + (f" {person.middle}" if person.middle else "")
        if post.hours:
            pay = ["P" if post.hours < 35 else "F", "Hourly", str(post.hours), "", f"{post.pay * step:.2f}"]
        else:
            pay = ["F", "Salary", "", f"{round(post.pay * step):.2f}", ""]
        table.append([name.upper(), post.title, rng.choice(post.departments), *pay])
    table.sort(key=lambda row: row[0])
    return write_csv(path, PUBLIC_SECTOR_HEADER, table)


# ---------------------------------------------------------------------------------------------
# 4. The "Employee Sample Data" workbook.

SAMPLE_ROSTER_HEADER = ["EEID", "Full Name", "Job Title", "Department", "Business Unit", "Gender", "Ethnicity",
                        "Age", "Hire Date", "Annual Salary", "Bonus %", "Country", "City", "Exit Date"]
ALL_DEPARTMENTS = ("IT", "Finance", "Sales", "Accounting", "Engineering", "Human Resources", "Marketing")
# Title: (weight, departments, pay band, bonus band). Leadership titles are common in the real file.
SAMPLE_TITLES: dict[str, tuple[int, tuple[str, ...], tuple[int, int], tuple[int, int]]] = {
    "Director": (121, ALL_DEPARTMENTS, (150_000, 200_000), (15, 30)),
    "Sr. Manager": (110, ALL_DEPARTMENTS, (125_000, 155_000), (10, 15)),
    "Vice President": (105, ALL_DEPARTMENTS, (190_000, 259_000), (30, 40)),
    "Manager": (98, ALL_DEPARTMENTS, (90_000, 130_000), (5, 10)),
    "Sr. Analyst": (59, ("Finance", "Accounting", "Sales", "Marketing"), (70_000, 95_000), (0, 0)),
    "Analyst": (47, ("Finance", "Accounting", "Sales", "Marketing"), (45_000, 70_000), (0, 0)),
    "Technical Architect": (36, ("IT",), (66_000, 99_000), (0, 0)),
    "Computer Systems Manager": (33, ("IT",), (60_000, 100_000), (0, 10)),
    "Engineering Manager": (32, ("Engineering",), (80_000, 125_000), (10, 15)),
    "Account Representative": (28, ("Sales",), (45_000, 75_000), (0, 0)),
    "Sr. Account Representative": (24, ("Sales",), (70_000, 99_000), (0, 0)),
    "IT Systems Architect": (24, ("IT",), (65_000, 100_000), (0, 0)),
    "Quality Engineer": (22, ("Engineering",), (60_000, 99_000), (0, 0)),
    "Solutions Architect": (20, ("IT",), (70_000, 100_000), (0, 0)),
    "Field Engineer": (20, ("Engineering",), (60_000, 100_000), (0, 0)),
    "Service Desk Analyst": (19, ("IT",), (45_000, 70_000), (0, 0)),
    "HRIS Analyst": (19, ("Human Resources",), (50_000, 75_000), (0, 0)),
    "Network Administrator": (18, ("IT",), (55_000, 80_000), (0, 0)),
    "Business Partner": (18, ("Human Resources",), (55_000, 80_000), (0, 0)),
    "Controls Engineer": (16, ("Engineering",), (75_000, 110_000), (0, 0)),
    "Test Engineer": (16, ("Engineering",), (55_000, 90_000), (0, 0)),
    "Development Engineer": (16, ("Engineering",), (60_000, 100_000), (0, 0)),
    "Operations Engineer": (15, ("Engineering",), (65_000, 95_000), (0, 0)),
    "Automation Engineer": (15, ("Engineering",), (70_000, 100_000), (0, 0)),
    "IT Coordinator": (14, ("IT",), (40_000, 60_000), (0, 0)),
    "Cloud Infrastructure Architect": (12, ("IT",), (70_000, 100_000), (0, 0)),
}
BUSINESS_UNITS = {"Research & Development": 25, "Manufacturing": 25, "Speciality Products": 25, "Corporate": 25}
ETHNICITIES = {"Asian": 40, "Caucasian": 27, "Latino": 20, "Black": 13}
CITIES = {"United States": (60, ("Seattle", "Chicago", "Phoenix", "Austin", "Miami", "Columbus")),
          "China": (22, ("Chongqing", "Shanghai", "Chengdu", "Beijing")),
          "Brazil": (18, ("Manaus", "Rio de Janeiro", "Sao Paulo"))}
COUNTRY_WEIGHTS = {country: spec[0] for country, spec in CITIES.items()}
SAMPLE_LEAVERS = 0.08
SAMPLE_NOTES = "Data tab: one row per employee, exported from the HRIS. Exit Date is blank for current staff."
# Excel's own formats, so the cells read back as the dates, currency and percentages they are.
DATE_FORMAT, MONEY_FORMAT, PERCENT_FORMAT = "m/d/yyyy", '_("$"* #,##0_);_("$"* (#,##0);_("$"* "-"??_);_(@_)', "0%"


def typed(sheet: WriteOnlyWorksheet, value: object, number_format: str) -> WriteOnlyCell:
    """A cell with Excel's number format, as a person's workbook has it (blank stays blank)."""
    cell = WriteOnlyCell(sheet, value=value)
    cell.number_format = number_format
    return cell


def sample_roster_xlsx(path: Path, rows: int = 1000, seed: int = 2387, *, leavers: float = SAMPLE_LEAVERS) -> Path:
    """The Employee Sample Data workbook's shape: a "Data" sheet of `rows` people in no
    order, then a "Notes" sheet with one line of text, as real workbooks carry.

    `leavers` of the rows, rounded, have a past Exit Date. The cells are the same for a seed;
    the file's bytes are not (Excel files record when they were saved).
    """
    rng = random.Random(seed)
    gone = set(rng.sample(range(rows), round(rows * leavers)))
    ids = rng.sample(range(1, max(5000, 2 * rows)), rows)
    titles = rng.choices(list(SAMPLE_TITLES), [t[0] for t in SAMPLE_TITLES.values()], k=rows)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Data")
    sheet.append(SAMPLE_ROSTER_HEADER)
    for n, (person, title) in enumerate(zip(people(rng, rows), titles, strict=True)):
        _, departments, pay, bonus = SAMPLE_TITLES[title]
        country = pick(rng, COUNTRY_WEIGHTS)
        age = rng.randint(25, 65)
        hired = some_day(rng, date(max(1992, 2022 - age + 22), 1, 1), date(2021, 12, 31))
        left = some_day(rng, hired + timedelta(days=60), date(2022, 6, 30)) if n in gone else None
        sheet.append([
            f"E{ids[n]:05d}", f"{person.first} {person.last}", title, rng.choice(departments),
            pick(rng, BUSINESS_UNITS),
            "Female" if person.sex == "F" else "Male",
            pick(rng, ETHNICITIES), age,
            typed(sheet, datetime.combine(hired, datetime.min.time()), DATE_FORMAT),
            typed(sheet, rng.randint(*pay), MONEY_FORMAT), typed(sheet, rng.randint(*bonus) / 100, PERCENT_FORMAT),
            country, rng.choice(CITIES[country][1]),
            typed(sheet, left and datetime.combine(left, datetime.min.time()), DATE_FORMAT),
        ])
    workbook.create_sheet("Notes").append([SAMPLE_NOTES])
    workbook.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 5. A Salesforce "Accounts" report.

CRM_ACCOUNTS_HEADER = ["Account ID", "Account Name", "Account Owner", "Owner Email", "Type", "Customer Tier",
                       "Industry", "Billing City", "Annual Revenue", "Last Activity"]
TIERS = ("Strategic", "Key", "Tier 1", "Tier 2", "Tier 3", "Standard")
# Owners no roster has, as (id, name, e-mail): a rep who left, the integration's user, a queue.
OUTSIDERS = [("X0417", "Dana Whitfield", "dana.whitfield@corp.example"),
             ("0055g00000IntgUsr", "Integration User", "integration@corp.example"),
             ("00G5g00000Unassgn", "Unassigned", "")]
ACCOUNT_TYPES = {"Customer - Direct": 55, "Customer - Channel": 20, "Prospect": 15, "Channel Partner / Reseller": 5,
                 "Other": 5}
INDUSTRIES = ["Banking", "Insurance", "Healthcare", "Manufacturing", "Retail", "Technology", "Government",
              "Education", "Energy", "Construction", "Hospitality", "Transportation", "Not For Profit", ""]
COMPANY_WORDS = ["Summit", "Harbor", "Pioneer", "Granite", "Cedar", "Northwind", "Bluebird", "Keystone", "Lakeside",
                 "Redwood", "Silverline", "Beacon", "Meridian", "Oakridge", "Crescent", "Ironwood", "Prairie",
                 "Sterling", "Atlas", "Evergreen", "Horizon", "Riverbend", "Falcon", "Westfield"]
COMPANY_KINDS = ["Credit Union", "Health", "Logistics", "Foods", "Partners", "Manufacturing", "Dental Group",
                 "Realty", "Capital", "Systems", "Construction", "Community Bank", "Outfitters", "Energy"]
COMPANY_ENDINGS = ["Inc.", "LLC", "Ltd", "Corp.", "& Co.", "", "", ""]
CRM_CITIES = ["Portland", "Seattle", "Boise", "Denver", "Phoenix", "Chicago", "Columbus", "Austin", "Atlanta",
              "Boston", "Toronto", "London"]
ID_CHARACTERS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def salesforce_id(rng: random.Random) -> str:
    """An 18-character Salesforce account id: the key prefix 001, the instance and padding
    (5g00000), five characters, and the checksum suffix, so the ids look and check as real."""
    return with_checksum("0015g00000" + "".join(rng.choices(ID_CHARACTERS, k=5)))


def with_checksum(core: str) -> str:
    """A 15-character Salesforce id made 18: one suffix character per five, from which of
    them are capitals (the case-safe form Salesforce writes in report exports)."""
    return core + "".join("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"[sum(1 << i for i, c in enumerate(chunk) if c.isupper())]
                          for chunk in (core[0:5], core[5:10], core[10:15]))


def crm_accounts_csv(path: Path, owners: list[tuple[str, str, str]], books: dict[str, list[str]], *,
                     outsiders: int = 0, owner_by: Literal["name", "email", "id"] = "name",
                     seed: int = 1) -> Path:
    """A Salesforce Accounts report: for each owner, one account per tier in `books`.

    `owners` are (employee id, "First Last", e-mail); `books` maps an owner's employee id to
    the tiers of the accounts they own ({"E1": ["Strategic"] * 5} is five high-touch
    accounts). `outsiders` more accounts go to owners no roster has (OUTSIDERS, in turn).
    `owner_by` says what Account Owner holds: the full name, as Salesforce exports it, or
    the e-mail or the id. Rows come sorted by Account Name, as the report sorts them.
    """
    known = {owner[0]: owner for owner in owners}
    if unknown := sorted(set(books) - set(known)):
        raise ValueError(f"books name owners not in `owners`: {', '.join(unknown)}")
    if odd := sorted({tier for tiers in books.values() for tier in tiers} - set(TIERS)):
        raise ValueError(f"unknown tiers: {', '.join(odd)} (tiers are {', '.join(TIERS)})")
    rng = random.Random(seed)
    owned = [(known[who], tier) for who, tiers in books.items() for tier in tiers]
    owned += [(OUTSIDERS[n % len(OUTSIDERS)], rng.choice(TIERS)) for n in range(outsiders)]
    column = {"id": 0, "name": 1, "email": 2}[owner_by]
    table = []
    for owner, tier in owned:
        name = " ".join(filter(None, [rng.choice(COMPANY_WORDS), rng.choice(COMPANY_KINDS),
                                      rng.choice(COMPANY_ENDINGS)]))
        touched = some_day(rng, date(2023, 1, 1), date(2025, 6, 30)) if rng.random() < 0.9 else None
        revenue = str(rng.randrange(250_000, 500_000_000, 1000)) if rng.random() < 0.8 else ""
        table.append([salesforce_id(rng), name, owner[column], owner[2],
                      pick(rng, ACCOUNT_TYPES), tier,
                      rng.choice(INDUSTRIES), rng.choice(CRM_CITIES), revenue,
                      us_date(touched) if touched else ""])
    table.sort(key=lambda row: row[1])
    return write_csv(path, CRM_ACCOUNTS_HEADER, table)
