using System.Text;

namespace Timeline.Domain.ImportExport;

/// <summary>
/// Russian names for synthetic persons: built in Cyrillic from common parts, then transliterated two ways
/// (the popular "Yakov Myasnikov" and the Library of Congress "Iakov Miasnikov"), as sources spell them.
/// </summary>
internal static class SyntheticNames
{
    // Male first names, with the stem their patronymic is built on (+ "ич" for a son, + "на" for a daughter).
    public static readonly (string Name, string Patronymic)[] Male =
    [
        ("Александр", "Александров"), ("Алексей", "Алексеев"), ("Андрей", "Андреев"), ("Борис", "Борисов"),
        ("Василий", "Васильев"), ("Виктор", "Викторов"), ("Владимир", "Владимиров"), ("Галактион", "Галактионов"),
        ("Гавриил", "Гаврилов"), ("Георгий", "Георгиев"), ("Григорий", "Григорьев"), ("Дмитрий", "Дмитриев"),
        ("Евгений", "Евгеньев"), ("Ефим", "Ефимов"), ("Иван", "Иванов"), ("Игнатий", "Игнатьев"), ("Ян", "Янов"),
        ("Иосиф", "Иосифов"), ("Константин", "Константинов"), ("Лев", "Львов"), ("Леонид", "Леонидов"),
        ("Михаил", "Михайлов"), ("Моисей", "Моисеев"), ("Николай", "Николаев"), ("Осип", "Осипов"), ("Павел", "Павлов"),
        ("Пётр", "Петров"), ("Семён", "Семёнов"), ("Сергей", "Сергеев"), ("Тимофей", "Тимофеев"), ("Фёдор", "Фёдоров"),
        ("Христиан", "Христианов"), ("Юрий", "Юрьев"), ("Яков", "Яковлев"),
    ];

    public static readonly string[] Female =
    [
        "Александра", "Анна", "Вера", "Евгения", "Екатерина", "Елена", "Зинаида", "Лидия", "Мария", "Надежда",
        "Наталья", "Ольга", "Софья", "Татьяна", "Юлия",
    ];

    private static readonly string[] SurnameStems =
    [
        "Смирн", "Кузнец", "Попов", "Соколов", "Лебед", "Козл", "Новик", "Морозов", "Петр", "Волк", "Соловь", "Васил",
        "Зайц", "Павл", "Семён", "Голуб", "Виноград", "Богдан", "Воробь", "Фёдор", "Михайл", "Беля", "Тарас", "Белов",
        "Комар", "Орл", "Киселёв", "Макар", "Андре", "Ковал", "Ильин", "Гусев", "Титов", "Кузьмин", "Кудряв", "Баран",
        "Куликов", "Алексе", "Степан", "Яковл", "Сорокин", "Сергее", "Роман", "Захар", "Борисов", "Корол", "Герасим",
        "Пономар", "Григорь", "Лазар", "Медвед", "Ершов", "Никитин", "Соболев", "Рябов", "Поляк", "Цвет", "Данилов",
        "Жуков", "Фролов", "Журавл", "Николаев", "Крыл", "Максим", "Сидор", "Осипов", "Белоус", "Федот", "Дорофе",
        "Егоров", "Матве", "Бобров", "Дмитри", "Калинин", "Анисим", "Петух", "Антон", "Тимофе", "Никифор", "Весел",
        "Мясник", "Блюмкин", "Троцк", "Зиновь", "Бухарин", "Рыков", "Томск", "Радек", "Пятак", "Серебряк", "Муралов",
        "Смилг", "Сапронов", "Шляпник", "Медведев", "Коллонт", "Раковск", "Преображенск", "Евдоким", "Бакаев", "Рейнгольд",
    ];

    private static readonly (string Male, string Female)[] Endings = [("ов", "ова"), ("ин", "ина"), ("ский", "ская")];

    /// <summary>A surname in both genders: the stem plus an ending that suits it.</summary>
    public static (string Male, string Female) Surname(Random rng)
    {
        var stem = SurnameStems[rng.Next(SurnameStems.Length)];
        // Stems that are whole surnames keep them; soft stems take -ev; others a common ending.
        if (stem.EndsWith("ов", StringComparison.Ordinal) || stem.EndsWith("ин", StringComparison.Ordinal) || stem.EndsWith("ев", StringComparison.Ordinal))
            return (stem, stem + "а");
        if (stem.EndsWith("ск", StringComparison.Ordinal) || stem.EndsWith("цк", StringComparison.Ordinal)) return (stem + "ий", stem + "ая");
        if (stem[^1] is 'ь' or 'е' or 'и' or 'я') return (stem + "ев", stem + "ева");
        var (m, f) = Endings[rng.Next(Endings.Length)];
        return (stem + m, stem + f);
    }

    private static readonly Dictionary<char, string> Popular = new()
    {
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['д'] = "d", ['е'] = "e", ['ё'] = "yo", ['ж'] = "zh", ['з'] = "z",
        ['и'] = "i", ['й'] = "y", ['к'] = "k", ['л'] = "l", ['м'] = "m", ['н'] = "n", ['о'] = "o", ['п'] = "p", ['р'] = "r",
        ['с'] = "s", ['т'] = "t", ['у'] = "u", ['ф'] = "f", ['х'] = "kh", ['ц'] = "ts", ['ч'] = "ch", ['ш'] = "sh",
        ['щ'] = "shch", ['ъ'] = "", ['ы'] = "y", ['ь'] = "", ['э'] = "e", ['ю'] = "yu", ['я'] = "ya",
    };

    private static readonly Dictionary<char, string> LibraryOfCongress = new(Popular)
    {
        ['ё'] = "e", ['й'] = "i", ['ь'] = "'", ['ъ'] = "\"", ['ю'] = "iu", ['я'] = "ia",
    };

    /// <summary>"Яков" -> "Yakov" (popular) or "Iakov" (Library of Congress); "-ий" ends as "-y" or "-ii".</summary>
    public static string Latin(string cyrillic, bool libraryOfCongress = false)
    {
        var table = libraryOfCongress ? LibraryOfCongress : Popular;
        var sb = new StringBuilder(cyrillic.Length + 4);
        for (var i = 0; i < cyrillic.Length; i++)
        {
            var c = cyrillic[i];
            var lower = char.ToLowerInvariant(c);
            // Popular spelling writes a final "-ий" as "-y" (Trotsky, Zinovy); the scholarly one keeps "-ii".
            if (!libraryOfCongress && lower == 'и' && i + 1 < cyrillic.Length && cyrillic[i + 1] == 'й' && (i + 2 == cyrillic.Length || cyrillic[i + 2] == ' '))
            {
                sb.Append('y');
                i++;
                continue;
            }
            if (!table.TryGetValue(lower, out var latin)) { sb.Append(c); continue; }
            if (char.IsUpper(c) && latin.Length > 0) latin = char.ToUpperInvariant(latin[0]) + latin[1..];
            sb.Append(latin);
        }
        return sb.ToString();
    }

    /// <summary>A lower-case ASCII slug for ids: letters only.</summary>
    public static string Slug(string latin)
    {
        var sb = new StringBuilder(latin.Length);
        foreach (var c in latin.ToLowerInvariant())
            if (c is >= 'a' and <= 'z') sb.Append(c);
        return sb.ToString();
    }
}
