using System.Buffers;
using System.Net.Http.Headers;
using System.Net;
using MotionServer.Pipeline.Configuration;
using MotionServer.Pipeline.Devices;
using MotionServer.Pipeline.Storage;

namespace MotionServer.Pipeline.Download;

/// <summary>
/// Fetches one track so that a file appears at its final name only when complete: the body streams into a
/// hidden <c>.partial</c> file beside it, its length must equal the announced size exactly, it is flushed to
/// disk (laptops lose power), and only then renamed over the final name. Every other ending removes the partial file.
/// </summary>
internal sealed class TrackDownloader(HttpClient client, DownloadOptions options, TimeProvider time)
{
    private const int BufferSize = 64 * 1024;

    public async Task<TransferResult> DownloadAsync(Uri source, long size, string finalPath, Action<long> progress, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(finalPath)!);
        string partial = Path.Combine(Path.GetDirectoryName(finalPath)!, $".{Path.GetFileName(finalPath)}.{Guid.NewGuid():N}{EventFolder.PartialSuffix}");
        bool renamed = false;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            var failed = await FetchAsync(source, size, partial, progress, timeout).ConfigureAwait(false);
            if (failed is not null)
            {
                return failed;
            }

            AtomicFile.Replace(partial, finalPath);
            renamed = true;
            return new TransferResult.Completed(size);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new TransferResult.Cancelled();
        }
        catch (OperationCanceledException)
        {
            return new TransferResult.Failed($"no data for {options.RequestTimeout.TotalSeconds:0.#} s", DeviceUnreachable: true);
        }
        catch (HttpRequestException e)
        {
            return new TransferResult.Failed($"request failed: {DeviceHttpClient.Describe(e)}", DeviceUnreachable: true);
        }
        catch (IOException e) when (e is not FileNotFoundException)
        {
            // Either the connection broke mid-body or the disk refused the write: both end this track.
            return new TransferResult.Failed($"transfer broke: {e.Message}", DeviceUnreachable: e.InnerException is System.Net.Sockets.SocketException || e is HttpIOException);
        }
        catch (UnauthorizedAccessException e)
        {
            return new TransferResult.Failed($"cannot write the track: {e.Message}", DeviceUnreachable: false);
        }
        finally
        {
            if (!renamed)
            {
                AtomicFile.TryDelete(partial);
            }
        }
    }

    /// <summary>Asks for the track and copies its body into the partial file; returns a failure, or null when it is all on disk.</summary>
    private async Task<TransferResult?> FetchAsync(Uri source, long size, string partial, Action<long> progress, CancellationTokenSource timeout)
    {
        timeout.CancelAfter(options.RequestTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, source);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/octet-stream"));
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return new TransferResult.Failed($"the device answered HTTP {(int)response.StatusCode}", DeviceUnreachable: false);
        }

        if (response.Content.Headers.ContentLength is long length && length != size)
        {
            return new TransferResult.Failed($"the device sends {length} bytes but announced {size} in logs.json", DeviceUnreachable: false);
        }

        var body = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            return await CopyAsync(body, partial, size, progress, timeout).ConfigureAwait(false);
        }
    }

    /// <summary>Copies the body into the partial file; returns a failure, or null when exactly <paramref name="size"/> bytes arrived and are on disk.</summary>
    private async Task<TransferResult?> CopyAsync(Stream body, string partial, long size, Action<long> progress, CancellationTokenSource timeout)
    {
        var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.Asynchronous);
        await using (file.ConfigureAwait(false))
        {
            var failed = await ReceiveAsync(body, file, size, progress, timeout).ConfigureAwait(false);
            if (failed is null)
            {
                file.Flush(flushToDisk: true);
            }

            return failed;
        }
    }

    /// <summary>Reads the body into the file to its end; returns a failure, or null when exactly <paramref name="size"/> bytes arrived.</summary>
    private async Task<TransferResult?> ReceiveAsync(Stream body, FileStream file, long size, Action<long> progress, CancellationTokenSource timeout)
    {
        var guard = new TransferRateGuard(time, options.RequestTimeout, options.MinBytesPerSecond);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            long received = 0;
            while (true)
            {
                var (read, failed) = await ReadAsync(body, file, buffer, received, size, progress, guard, timeout).ConfigureAwait(false);
                if (failed is not null)
                {
                    return failed;
                }

                if (read == 0)
                {
                    break;
                }

                received += read;
            }

            return received == size
                ? null
                : new TransferResult.Failed($"the transfer ended after {received} of {size} bytes", DeviceUnreachable: true);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>One read of the body into the file: the bytes read (0 at its end), or a failure that ends the transfer.</summary>
    private async Task<(int Read, TransferResult? Failed)> ReadAsync(
        Stream body, FileStream file, byte[] buffer, long receivedBefore, long size, Action<long> progress, TransferRateGuard guard, CancellationTokenSource timeout)
    {
        timeout.CancelAfter(options.RequestTimeout); // a between-bytes timeout: re-armed before every read
        int read = await body.ReadAsync(buffer.AsMemory(0, BufferSize), timeout.Token).ConfigureAwait(false);
        long received = receivedBefore + read;
        if (read == 0)
        {
            return (0, null);
        }

        if (received > size)
        {
            return (read, new TransferResult.Failed($"the device sent more than the {size} bytes it announced", DeviceUnreachable: false));
        }

        await file.WriteAsync(buffer.AsMemory(0, read), timeout.Token).ConfigureAwait(false);
        progress(received);
        return guard.Observe(received) is { } rate
            ? (read, new TransferResult.Failed(
                $"transfer stalled: {rate:0} bytes/s over {options.RequestTimeout.TotalSeconds:0.#} s (minimum {options.MinBytesPerSecond})",
                DeviceUnreachable: false))
            : (read, null);
    }
}
