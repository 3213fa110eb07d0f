using System.Text.Json;
using MotionServer.Pipeline.Roster;

namespace EmbeddingSample;

/// <summary>
/// A roster kept by a registration web service instead of the event folder's <c>config/motions.csv</c>: a JSON array
/// of entries (<c>[{"motionId": 817, "fileId": "AAA", "startDate": "2026-07-01", "endDate": "2026-07-07",
/// "firstName": "Ann", "familyName": "Lee"}]</c>) fetched at the start, then every minute in the background.
/// <see cref="Refresh"/> runs on the pipeline's detection loop, so it never waits for the network: it hands over what the
/// background fetch last got. A fetch that fails keeps the last good roster in force and says why on the dashboards.
/// </summary>
internal sealed class WebRosterSource(Uri url, HttpClient http) : IRosterSource, IDisposable
{
    private static readonly TimeSpan Every = TimeSpan.FromMinutes(1);
    private readonly CancellationTokenSource _stop = new();
    private MotionRoster _current = MotionRoster.Empty;
    private IReadOnlyList<RosterProblem> _problems = [];
    private Fetched? _waiting; // what the background fetch got and Refresh has not handed over yet

    public MotionRoster Current => Volatile.Read(ref _current);

    public IReadOnlyList<RosterProblem> Problems => Volatile.Read(ref _problems);

    public void Load()
    {
        // At the start the pipeline waits for the roster: without one it must not start (RosterException).
        var first = FetchAsync(CancellationToken.None).GetAwaiter().GetResult();
        Volatile.Write(ref _current, first.Roster ?? throw new RosterException(first.Problems));
        _ = Task.Run(() => FetchEveryMinuteAsync(_stop.Token));
    }

    public RosterRefresh Refresh()
    {
        if (Interlocked.Exchange(ref _waiting, null) is not { } fetched)
        {
            return RosterRefresh.Unchanged;
        }

        Volatile.Write(ref _problems, fetched.Problems);
        if (fetched.Roster is null)
        {
            return RosterRefresh.Refused; // the last good roster stays in force
        }

        Volatile.Write(ref _current, fetched.Roster);
        return RosterRefresh.Replaced;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    private async Task FetchEveryMinuteAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(Every);
        while (await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false))
        {
            Volatile.Write(ref _waiting, await FetchAsync(stopping).ConfigureAwait(false));
        }
    }

    private async Task<Fetched> FetchAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var json = JsonDocument.Parse(await http.GetStringAsync(url, cancellationToken).ConfigureAwait(false));
            var entries = json.RootElement.EnumerateArray().Select((e, i) => new RosterEntry
            {
                MotionId = e.GetProperty("motionId").GetInt32(),
                FileId = e.GetProperty("fileId").GetString() ?? "",
                StartDate = DateOnly.Parse(e.GetProperty("startDate").GetString() ?? "", System.Globalization.CultureInfo.InvariantCulture),
                EndDate = DateOnly.Parse(e.GetProperty("endDate").GetString() ?? "", System.Globalization.CultureInfo.InvariantCulture),
                FirstName = e.TryGetProperty("firstName", out var first) ? first.GetString() ?? "" : "",
                FamilyName = e.TryGetProperty("familyName", out var family) ? family.GetString() ?? "" : "",
                Line = i + 1,
            });
            return new Fetched(MotionRoster.Create(entries, url.ToString()), []);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or KeyNotFoundException or FormatException or InvalidOperationException or RosterException)
        {
            return new Fetched(null, e is RosterException bad ? bad.Problems : [new RosterProblem(url.ToString(), 0, $"cannot be read: {e.Message}")]);
        }
    }

    private sealed record Fetched(MotionRoster? Roster, IReadOnlyList<RosterProblem> Problems);
}
