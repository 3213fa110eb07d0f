using MotionServer.Pipeline.Stages;
using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tracks.Results;
using MotionServer.Pipeline.Tracks.Verification;

namespace MotionServer.Pipeline.Download;

/// <summary>
/// Downloads a track, then verifies it before anyone calls it complete (<see cref="TrackVerifier"/>). A copy that
/// fails is fetched once more: when the second copy differs, it replaces the first and is verified instead (a
/// transfer may have damaged the first); when it is the same, the damage is the device's. Either way a track that
/// still fails is kept with its verdict: it is the device's data, and a track is never thrown away. The same pass gives
/// the track's results (<see cref="ITrackResultsSource"/>), those of the copy that is kept.
/// </summary>
/// <remarks>
/// Verification runs on the download worker: it costs well under 1 % of the transfer of the same track
/// (benchmarks/README.md, "Track verification"), so moving it elsewhere would buy nothing.
/// </remarks>
internal sealed class VerifyingDownloader(TrackDownloader downloader, ITrackResultsSource? checker = null)
{
    private readonly ITrackResultsSource _checker = checker ?? StreamingTrackResultsSource.Default;

    /// <summary>Suffix of the second copy while it is compared: hidden and <c>.partial</c>, so a crash leaves nothing that looks like a track.</summary>
    private const string SecondCopySuffix = ".second" + EventFolder.PartialSuffix;

    public async Task<TransferResult> DownloadAsync(Uri source, PlannedTrack track, Action<long> progress, CancellationToken cancellationToken)
    {
        long size = track.Log.Size;
        var first = await downloader.DownloadAsync(source, size, track.FinalPath, progress, cancellationToken).ConfigureAwait(false);
        if (first is not TransferResult.Completed)
        {
            return first;
        }

        var claims = track.Log.ToClaims();
        var kept = _checker.Check(track.FinalPath, claims, cancellationToken);
        if (kept.Verdict.IsValid)
        {
            return new TransferResult.Completed(size, kept.Verdict, Results: kept.Results);
        }

        string second = Path.Combine(Path.GetDirectoryName(track.FinalPath)!, $".{Path.GetFileName(track.FinalPath)}{SecondCopySuffix}");
        try
        {
            // A second copy that cannot be had (device gone, server stopping) leaves the first one, verdict and all.
            var again = await downloader.DownloadAsync(source, size, second, progress, cancellationToken).ConfigureAwait(false);
            if (again is TransferResult.Completed && !SameContent(track.FinalPath, second))
            {
                var secondCopy = _checker.Check(second, claims, cancellationToken);
                AtomicFile.Replace(second, track.FinalPath);
                kept = secondCopy;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The disk refused while the copies were compared or one replaced the other: this attempt failed. The first
            // copy stays at its final name (a track is never thrown away); the next inspection adopts it.
            return new TransferResult.Failed($"cannot write the track {track.FinalPath}: {e.Message}", DeviceUnreachable: false);
        }
        finally
        {
            AtomicFile.TryDelete(second);
        }

        return new TransferResult.Completed(size, kept.Verdict, Refetched: true, kept.Results);
    }

    private static bool SameContent(string first, string second) =>
        File.ReadAllBytes(first).AsSpan().SequenceEqual(File.ReadAllBytes(second));
}
