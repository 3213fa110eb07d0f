using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using MotionServer.Emulator.Faults;
using MotionServer.Emulator.Transfers;

namespace MotionServer.Emulator.Devices;

/// <summary>Answering requests.</summary>
internal sealed partial class EmulatedDevice
{
    private async Task HandleAsync(HttpContext context, CancellationToken session)
    {
        string path = context.Request.Path.Value ?? "/";
        var track = FindTrack(path);
        var route = DeviceRoutes.KindOf(path, isTrack: track is not null);
        var faults = Faults.Take(path, route);
        if (faults != RequestFaults.None)
        {
            Log.FaultsApplied(_logger, Hostname, path, faults);
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, session);
        var token = linked.Token;
        _inFlight.TryAdd(context, 0);
        (long Sent, TransferOutcome Outcome) result = (0, TransferOutcome.Cut);
        try
        {
            if (faults.Delay > TimeSpan.Zero)
            {
                await Task.Delay(faults.Delay, _options.TimeProvider, token).ConfigureAwait(false);
            }

            result = await AnswerAsync(context, path, route, track, faults, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            context.Abort();
        }
        catch (IOException e)
        {
            Log.RequestFailed(_logger, Hostname, path, e);
            context.Abort();
        }
        finally
        {
            _inFlight.TryRemove(context, out _);
            Served(context, path, result.Sent, result.Outcome);
        }
    }

    private Task<(long Sent, TransferOutcome Outcome)> AnswerAsync(HttpContext context, string path, RouteKind route, EmulatedTrack? track,
        RequestFaults faults, CancellationToken token)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            return SendTextAsync(context, StatusCodes.Status405MethodNotAllowed, "Method Not Allowed", token);
        }

        if (faults.StatusCode is { } status)
        {
            Log.HttpErrorFault(_logger, Hostname, path, status);
            return SendTextAsync(context, status, "Internal Server Error", token);
        }

        switch (route)
        {
            case RouteKind.Json:
                context.Response.ContentType = "application/json";
                return SendAsync(context, path, Document(path, faults), faults, limiter: null, token);
            case RouteKind.Track when track is not null:
                context.Response.ContentType = "application/octet-stream";
                return SendAsync(context, path, TrackBody(track, faults), faults, _limiter, token);
            default:
                return SendTextAsync(context, StatusCodes.Status404NotFound, "Not Found", token);
        }
    }

    private byte[] Document(string path, RequestFaults faults)
    {
        var profile = Profile;
        long padding = faults.OversizedJsonBytes ?? 0;
        byte[] document = path switch
        {
            _ when faults.RawDocument is { } raw => System.Text.Encoding.UTF8.GetBytes(raw),
            DeviceRoutes.Info => DeviceJson.Info(profile, faults.HasWrongIdentifier ? faults.WrongIdentifier ?? profile.Id + 1 : profile.Id, padding),
            DeviceRoutes.Settings => DeviceJson.Settings(profile, padding),
            _ => DeviceJson.Logs([.. Tracks, .. HostileEntries(faults.HostilePaths)], padding, faults.RawLogEntries),
        };
        return faults.MalformedJson ? DeviceJson.Truncate(document) : document;
    }

    private static ReadOnlyMemory<byte> TrackBody(EmulatedTrack track, RequestFaults faults)
    {
        var content = track.Content;
        if (faults.MissingBytes > 0)
        {
            content = content[..(int)Math.Max(0, content.Length - faults.MissingBytes)];
        }

        if (faults.ExtraBytes > 0)
        {
            var longer = new byte[content.Length + faults.ExtraBytes];
            content.CopyTo(longer);
            longer.AsSpan(content.Length).Fill(0xA5);
            content = longer;
        }

        if (faults.CorruptAt is { } at && at < content.Length)
        {
            var corrupt = content.ToArray();
            corrupt[at] ^= 0xFF;
            content = corrupt;
        }

        return content;
    }

    /// <summary>Entries for hostile paths, shaped like the device's latest log so that only the path gives them away.</summary>
    private IEnumerable<EmulatedTrack> HostileEntries(IReadOnlyList<string> paths)
    {
        if (paths.Count == 0)
        {
            return [];
        }

        var model = Tracks.Count > 0 ? Tracks[^1] : EmulatedTrack.FromBytes(Id, _options.TimeProvider.GetUtcNow().AddHours(-1), TimeSpan.FromMinutes(30), new byte[1536]);
        return paths.Select((path, i) => model with
        {
            Path = path,
            StartDate = model.StartDate + ((i + 1) * 60_000L),
            EndDate = model.EndDate + ((i + 1) * 60_000L),
        });
    }

    private async Task<(long Sent, TransferOutcome Outcome)> SendAsync(HttpContext context, string path, ReadOnlyMemory<byte> body, RequestFaults faults,
        BandwidthLimiter? limiter, CancellationToken token)
    {
        bool isTrack = limiter is not null;
        long total = body.Length;
        long reported = 0;
        var result = await _sender.SendAsync(context, body, faults, limiter, (sent, elapsed, outcome) =>
        {
            if (isTrack)
            {
                Interlocked.Add(ref _trackBytesSent, sent - reported);
                reported = sent;
            }

            BodyProgress?.Invoke(this, new BodyProgress(Id, path, sent, total, elapsed, outcome));
        }, token).ConfigureAwait(false);
        if (isTrack && result.Outcome == TransferOutcome.Completed)
        {
            Interlocked.Increment(ref _completedTracks);
        }

        return result;
    }

    private static async Task<(long Sent, TransferOutcome Outcome)> SendTextAsync(HttpContext context, int status, string text, CancellationToken token)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain";
        await context.Response.WriteAsync(text, token).ConfigureAwait(false);
        return (text.Length, TransferOutcome.Completed);
    }

    private void Served(HttpContext context, string path, long sent, TransferOutcome outcome)
    {
        Interlocked.Increment(ref _requestCount);
        string rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? path;
        var served = new ServedRequest(_options.TimeProvider.GetUtcNow(), context.Request.Method, path, rawTarget, context.Response.StatusCode, sent, outcome);
        _requests.Enqueue(served);
        while (_requests.Count > _options.RequestLogCapacity && _requests.TryDequeue(out _))
        {
        }

        Log.Served(_logger, Hostname, context.Request.Method, path, served.StatusCode, sent, outcome);
        RequestServed?.Invoke(this, served);
    }
}
