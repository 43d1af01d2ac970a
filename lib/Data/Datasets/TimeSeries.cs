using System.Globalization;

namespace Book.Data;

/// <summary>
/// A series of measurements in time order — dates and values, NaN where a measurement is missing — read
/// from a CSV file <c>date,value</c> of <c>datasets/</c> (dates as YYYYMMDD) after the manifest check.
/// Chapter 09 forecasts the Mauna Loa CO₂ series (<see cref="Datasets.MaunaLoaCo2"/>): <see cref="MonthlyMeans"/>
/// turns its weekly values into months, <see cref="Interpolated"/> fills the months that have none.
/// </summary>
public sealed class TimeSeries
{
    /// <summary>A series of <paramref name="values"/> measured at <paramref name="dates"/> (same length, dates increasing).</summary>
    public TimeSeries(string name, string unit, IReadOnlyList<DateOnly> dates, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(dates);
        ArgumentNullException.ThrowIfNull(values);
        if (dates.Count != values.Count)
            throw new ArgumentException($"Expected one value per date, got {dates.Count} dates and {values.Count} values.");
        for (int i = 1; i < dates.Count; i++)
            if (dates[i] <= dates[i - 1])
                throw new ArgumentException($"Expected increasing dates, got {dates[i - 1]:yyyy-MM-dd} before {dates[i]:yyyy-MM-dd} (position {i}).");
        (Name, Unit, Dates, Values) = (name, unit, dates, values);
    }

    /// <summary>What is measured, e.g. "co2".</summary>
    public string Name { get; }

    /// <summary>The unit of the values, e.g. "ppm".</summary>
    public string Unit { get; }

    /// <summary>When each value was measured.</summary>
    public IReadOnlyList<DateOnly> Dates { get; }

    /// <summary>The values; NaN where the measurement is missing.</summary>
    public IReadOnlyList<double> Values { get; }

    /// <summary>How many values are missing (NaN).</summary>
    public int Missing => Values.Count(double.IsNaN);

    /// <summary>Loads the series named <paramref name="name"/> in <see cref="Datasets.Manifest"/>, in <paramref name="unit"/>.</summary>
    public static TimeSeries Load(string name, string unit) => Load(Datasets.Manifest, name, unit);

    /// <summary>Loads the series named <paramref name="name"/> in <paramref name="manifest"/>: an empty value is missing.</summary>
    public static TimeSeries Load(DatasetManifest manifest, string name, string unit)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var entry = manifest[name];
        var file = entry.Files is [var only] ? only
            : throw new InvalidDataException($"Dataset '{name}': expected one CSV file in the manifest, got {entry.Files.Count}.");
        string path = manifest.Verify(entry, file);
        var lines = File.ReadAllLines(path);
        string header = $"date,{entry.Target}";
        if (lines.Length == 0 || lines[0] != header)
            throw new InvalidDataException($"{path}: expected the header '{header}', got '{lines.FirstOrDefault()}'.");
        var dates = new List<DateOnly>();
        var values = new List<double>();
        for (int n = 1; n < lines.Length; n++)
        {
            var fields = lines[n].Split(',');
            if (fields.Length != 2 || !DateOnly.TryParseExact(fields[0], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                || !(fields[1].Length == 0 || double.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
                throw new InvalidDataException($"{path}, line {n + 1}: expected 'YYYYMMDD,<number or nothing>', got '{lines[n]}'.");
            dates.Add(date);
            values.Add(fields[1].Length == 0 ? double.NaN : double.Parse(fields[1], CultureInfo.InvariantCulture));
        }
        return new TimeSeries(entry.Target ?? name, unit, dates, values);
    }

    /// <summary>
    /// One value per calendar month from the first to the last: the mean of the month's measured values,
    /// NaN for a month without any. Dated on the first of the month.
    /// </summary>
    public TimeSeries MonthlyMeans()
    {
        if (Dates.Count == 0) return this;
        var sums = new Dictionary<DateOnly, (double Sum, int Count)>();
        for (int i = 0; i < Dates.Count; i++)
        {
            var month = new DateOnly(Dates[i].Year, Dates[i].Month, 1);
            var (sum, count) = sums.GetValueOrDefault(month);
            sums[month] = double.IsNaN(Values[i]) ? (sum, count) : (sum + Values[i], count + 1);
        }
        var months = new List<DateOnly>();
        for (var m = new DateOnly(Dates[0].Year, Dates[0].Month, 1); m <= Dates[^1]; m = m.AddMonths(1)) months.Add(m);
        var means = months.Select(m => sums.TryGetValue(m, out var s) && s.Count > 0 ? s.Sum / s.Count : double.NaN).ToList();
        return new TimeSeries(Name, Unit, months, means);
    }

    /// <summary>
    /// The series with every missing value replaced by linear interpolation between its measured
    /// neighbours (by position); missing values before the first or after the last measurement take
    /// the nearest measured value.
    /// </summary>
    public TimeSeries Interpolated()
    {
        var measured = Enumerable.Range(0, Values.Count).Where(i => !double.IsNaN(Values[i])).ToArray();
        if (measured.Length == 0) throw new InvalidOperationException($"Series '{Name}' has no measured value to interpolate from.");
        var filled = Values.ToArray();
        for (int i = 0; i < filled.Length; i++)
        {
            if (!double.IsNaN(filled[i])) continue;
            int next = Array.FindIndex(measured, m => m > i);
            if (next < 0) { filled[i] = Values[measured[^1]]; continue; }   // after the last measurement
            if (next == 0) { filled[i] = Values[measured[0]]; continue; }   // before the first
            var (before, after) = (measured[next - 1], measured[next]);
            filled[i] = Values[before] + (Values[after] - Values[before]) * (i - before) / (after - before);
        }
        return new TimeSeries(Name, Unit, Dates, filled);
    }

    /// <summary>"co2: 526 values in ppm, 1958-03-01 to 2001-12-01, 5 missing".</summary>
    public override string ToString() => Dates.Count == 0 ? $"{Name}: empty"
        : $"{Name}: {Values.Count} values in {Unit}, {Dates[0]:yyyy-MM-dd} to {Dates[^1]:yyyy-MM-dd}, {Missing} missing";
}
