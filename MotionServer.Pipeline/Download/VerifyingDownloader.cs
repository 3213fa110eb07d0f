using System.Buffers;
using MotionServer.Pipeline.Stages;
using MotionServer.Pipeline.Storage;
using MotionServer.Pipeline.Tracks;
using MotionServer.Pipeline.Tracks.Results;
using MotionServer.Pipeline.Tracks.Verification;

namespace MotionServer.Pipeline.Download;

/// <summary>
/// Downloads a track, then verifies it before anyone calls it complete (<see cref="TrackVerifier"/>). A copy that
/// fails is fetched once more: a second copy replaces the first only when it is better — valid, or different and no
/// more damaged (a transfer may have damaged the first); the same again, the damage is the device's. Either way a track
/// that still fails after both fetches is kept with its verdict: it is the device's data, and a track is never thrown
/// away. When the second fetch does not happen (the device left, the server stops) the damaged copy is kept but the
/// track stays owed (<see cref="TransferResult.DamagedKept"/>): the next visit finds the copy at its final name, takes
/// it as the first of the two fetches and fetches only the second. The same pass gives the track's results
/// (<see cref="ITrackResultsSource"/>), those of the copy that is kept.
/// </summary>
/// <remarks>
/// Verification runs on the download worker: it costs well under 1 % of the transfer of the same track
/// (benchmarks/README.md, "Track verification"), so moving it elsewhere would buy nothing.
/// </remarks>
internal sealed class VerifyingDownloader(TrackDownloader downloader, ITrackResultsSource? checker = null)
{
    private const int CompareChunk = 64 * 1024;

    private readonly ITrackResultsSource _checker = checker ?? StreamingTrackResultsSource.Default;

    /// <summary>Suffix of the second copy while it is compared: hidden and <c>.partial</c>, so a crash leaves nothing that looks like a track.</summary>
    private const string SecondCopySuffix = ".second" + EventFolder.PartialSuffix;

    public async Task<TransferResult> DownloadAsync(Uri source, PlannedTrack track, Action<long> progress, CancellationToken cancellationToken)
    {
        long size = track.Log.Size;
        var claims = track.Log.Figures;
        if (!HasKeptCopy(track))
        {
            var first = await downloader.DownloadAsync(source, size, track.FinalPath, progress, cancellationToken).ConfigureAwait(false);
            if (first is not TransferResult.Completed)
            {
                return first;
            }
        }

        // A copy kept by an earlier visit (owed, since its refetch did not happen) is checked again like a fresh one.
        var kept = _checker.Check(track.FinalPath, claims, cancellationToken);
        return kept.Verdict.IsValid
            ? new TransferResult.Completed(size, kept.Verdict, Results: kept.Results)
            : await RefetchAsync(source, track, claims, kept, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>True when the two files hold the same bytes; read in chunks, never whole.</summary>
    internal static bool SameContent(string first, string second)
    {
        using var a = new FileStream(first, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        using var b = new FileStream(second, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        if (a.Length != b.Length)
        {
            return false;
        }

        byte[] left = ArrayPool<byte>.Shared.Rent(CompareChunk);
        byte[] right = ArrayPool<byte>.Shared.Rent(CompareChunk);
        try
        {
            int read;
            while ((read = a.ReadAtLeast(left.AsSpan(0, CompareChunk), CompareChunk, throwOnEndOfStream: false)) > 0)
            {
                if (b.ReadAtLeast(right.AsSpan(0, read), read, throwOnEndOfStream: false) != read
                    || !left.AsSpan(0, read).SequenceEqual(right.AsSpan(0, read)))
                {
                    return false;
                }
            }

            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(left);
            ArrayPool<byte>.Shared.Return(right);
        }
    }

    /// <summary>
    /// A file already complete at the final name of an owed track: the damaged copy an earlier visit kept when its
    /// refetch did not happen (inspection adopts any other complete file instead of owing it).
    /// </summary>
    private static bool HasKeptCopy(PlannedTrack track)
    {
        var file = new FileInfo(track.FinalPath);
        return file.Exists && file.Length == track.Log.Size;
    }

    /// <summary>The second fetch of a damaged copy; the better of the two is kept.</summary>
    private async Task<TransferResult> RefetchAsync(
        Uri source, PlannedTrack track, TrackFigures claims, CheckedTrack kept, Action<long> progress, CancellationToken cancellationToken)
    {
        long size = track.Log.Size;
        string second = Path.Combine(Path.GetDirectoryName(track.FinalPath)!, $".{Path.GetFileName(track.FinalPath)}{SecondCopySuffix}");
        try
        {
            var again = await downloader.DownloadAsync(source, size, second, progress, cancellationToken).ConfigureAwait(false);
            if (again is not TransferResult.Completed)
            {
                // Fetched once only: the copy stays, with its verdict, and the track stays owed.
                return new TransferResult.DamagedKept(size, kept.Verdict, again);
            }

            if (!SameContent(track.FinalPath, second))
            {
                var secondCopy = _checker.Check(second, claims, cancellationToken);
                if (IsBetter(secondCopy.Verdict, kept.Verdict))
                {
                    AtomicFile.Replace(second, track.FinalPath);
                    kept = secondCopy;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The disk refused while the copies were compared or one replaced the other: this attempt failed. The first
            // copy stays at its final name (a track is never thrown away).
            return new TransferResult.Failed($"cannot write the track {track.FinalPath}: {e.Message}", DeviceUnreachable: false);
        }
        finally
        {
            AtomicFile.TryDelete(second);
        }

        return new TransferResult.Completed(size, kept.Verdict, Refetched: true, kept.Results);
    }

    /// <summary>A different second copy replaces the first when it is valid, or no more damaged.</summary>
    private static bool IsBetter(TrackVerdict second, TrackVerdict first) =>
        second.IsValid || second.Defects.Count <= first.Defects.Count;
}
