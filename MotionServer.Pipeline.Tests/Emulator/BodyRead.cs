using System.Net.Http;

namespace MotionServer.Pipeline.Tests.Emulator;

/// <summary>What a client got of a body before it ended or broke.</summary>
internal sealed record BodyRead(byte[] Bytes, Exception? Error)
{
    public static async Task<BodyRead> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken = default)
    {
        var bytes = new MemoryStream();
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[8192];
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                bytes.Write(buffer, 0, read);
            }

            return new BodyRead(bytes.ToArray(), null);
        }
        catch (Exception e) when (e is IOException or HttpRequestException or OperationCanceledException)
        {
            return new BodyRead(bytes.ToArray(), e);
        }
    }

    /// <summary>
    /// Asks for <paramref name="url"/> and reads its body. A device that breaks the connection just after the headers
    /// may have its reset overtake them: then the request itself fails, and the body broke before its first byte.
    /// </summary>
    public static async Task<BodyRead> GetAsync(HttpClient client, Uri url)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
            return await ReadAsync(response);
        }
        catch (HttpRequestException e)
        {
            return new BodyRead([], e);
        }
    }

    /// <summary>Reads exactly <paramref name="count"/> bytes (or fewer if the body breaks first).</summary>
    public static async Task<byte[]> ReadExactlyAsync(Stream stream, int count)
    {
        var buffer = new byte[count];
        int total = 0;
        while (total < count)
        {
            int read = await stream.ReadAsync(buffer.AsMemory(total)).AsTask().WaitAsync(Signal.Timeout);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return buffer[..total];
    }
}
