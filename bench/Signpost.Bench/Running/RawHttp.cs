using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Signpost.Bench.Running;

/// <summary>
/// HTTP/1.1 POSTs written by hand on a socket, for bodies no ordinary client sends: one far over
/// the size limit, sent chunked as fast as the server takes it, and one that stops half way. Each
/// request has its own connection, and the answer is read while the body is still being sent.
/// </summary>
internal static class RawHttp
{
    /// <summary>
    /// Sends a JSON body of <paramref name="size"/> bytes (a query of spaces) in 64 KiB chunks, until
    /// the server answers or closes the connection. <see cref="Answer.BodyBytesSent"/> counts the
    /// bytes the socket accepted, which includes what sat in the kernel's buffers unread.
    /// </summary>
    public static Task<Answer> PostHugeChunkedAsync(Uri address, long size, TimeSpan wait) =>
        ExchangeAsync(address, wait, async (stream, sent, answered, cancel) =>
        {
            var first = Chunk("{\"query\":\"" + new string(' ', 64 * 1024 - 10));
            var spaces = Chunk(new string(' ', 64 * 1024));
            await stream.WriteAsync(first, cancel);
            sent(64 * 1024);
            for (long total = 64 * 1024; total < size && !answered(); total += 64 * 1024)
            {
                await stream.WriteAsync(spaces, cancel);
                sent(64 * 1024);
            }

            if (!answered())
            {
                await stream.WriteAsync(Chunk("\"}"), cancel);
                await stream.WriteAsync("0\r\n\r\n"u8.ToArray(), cancel);
            }
        });

    /// <summary>Sends the start of a valid body, then nothing more for <paramref name="stall"/> (or until the server answers).</summary>
    public static Task<Answer> PostStallingAsync(Uri address, TimeSpan stall) =>
        ExchangeAsync(address, stall + TimeSpan.FromSeconds(10), async (stream, sent, answered, cancel) =>
        {
            var start = "{\"query\":\"{ categories";
            await stream.WriteAsync(Chunk(start), cancel);
            await stream.FlushAsync(cancel);
            sent(start.Length);
            var clock = Stopwatch.StartNew();
            while (!answered() && clock.Elapsed < stall)
            {
                await Task.Delay(10, cancel);
            }
        });

    private delegate Task BodyWriter(NetworkStream stream, Action<long> sent, Func<bool> answered, CancellationToken cancel);

    private static async Task<Answer> ExchangeAsync(Uri address, TimeSpan wait, BodyWriter writeBody)
    {
        using var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync(address.Host, address.Port);
        var stream = client.GetStream();
        using var deadline = new CancellationTokenSource(wait);
        var clock = Stopwatch.StartNew();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST /graphql HTTP/1.1\r\nHost: {address.Authority}\r\nContent-Type: application/json\r\nAccept: application/graphql-response+json\r\nTransfer-Encoding: chunked\r\n\r\n"),
            deadline.Token);

        var reading = ReadResponseAsync(stream, clock, deadline.Token);
        long sent = 0;
        string? sendFailure = null;
        try
        {
            await writeBody(stream, n => sent += n, () => reading.IsCompleted, deadline.Token);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
        {
            // The server closed the connection on a body it will not read, or the wait ran out.
            sendFailure = $"sending stopped: {e.GetType().Name}: {e.Message}";
        }

        try
        {
            var (status, body, elapsed) = await reading;
            return new Answer(status, Answer.ErrorCode(body), elapsed.TotalMilliseconds, sent, Body: body);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
        {
            return new Answer(0, null, clock.Elapsed.TotalMilliseconds, sent, Failure: $"no answer: {e.GetType().Name}: {e.Message}" + (sendFailure is null ? "" : $"; {sendFailure}"));
        }
    }

    private static byte[] Chunk(string text)
    {
        var data = Encoding.UTF8.GetBytes(text);
        return [.. Encoding.ASCII.GetBytes($"{data.Length:X}\r\n"), .. data, .. "\r\n"u8];
    }

    /// <summary>Status and body of one response (Content-Length, chunked, or up to the close).</summary>
    private static async Task<(int Status, string Body, TimeSpan Elapsed)> ReadResponseAsync(NetworkStream stream, Stopwatch clock, CancellationToken cancel)
    {
        var reader = new Reader(stream, cancel);
        var statusLine = await reader.ReadLineAsync();
        var status = int.Parse(statusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        long? length = null;
        var chunked = false;
        for (var line = await reader.ReadLineAsync(); line.Length > 0; line = await reader.ReadLineAsync())
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var (name, value) = (line[..colon].Trim(), line[(colon + 1)..].Trim());
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                length = long.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) && value.Contains("chunked", StringComparison.OrdinalIgnoreCase))
            {
                chunked = true;
            }
        }

        var body = new MemoryStream();
        if (chunked)
        {
            for (var size = ChunkSize(await reader.ReadLineAsync()); size > 0; size = ChunkSize(await reader.ReadLineAsync()))
            {
                body.Write(await reader.ReadExactAsync(size));
                await reader.ReadLineAsync();
            }

            while ((await reader.ReadLineAsync()).Length > 0)
            {
                // trailers
            }
        }
        else if (length is { } n)
        {
            body.Write(await reader.ReadExactAsync((int)n));
        }
        else
        {
            body.Write(await reader.ReadToEndAsync());
        }

        return (status, Encoding.UTF8.GetString(body.ToArray()), clock.Elapsed);
    }

    private static int ChunkSize(string line) =>
        int.Parse(line.Split(';')[0].Trim(), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);

    private sealed class Reader(NetworkStream stream, CancellationToken cancel)
    {
        private readonly byte[] _buffer = new byte[16 * 1024];
        private int _start;
        private int _end;

        public async Task<string> ReadLineAsync()
        {
            var line = new StringBuilder();
            while (true)
            {
                for (; _start < _end; _start++)
                {
                    if (_buffer[_start] == '\n')
                    {
                        _start++;
                        return line.ToString().TrimEnd('\r');
                    }

                    line.Append((char)_buffer[_start]);
                }

                if (!await FillAsync())
                {
                    throw new IOException("The connection closed before the answer was complete.");
                }
            }
        }

        public async Task<byte[]> ReadExactAsync(int count)
        {
            var result = new byte[count];
            for (var got = 0; got < count;)
            {
                if (_start == _end && !await FillAsync())
                {
                    throw new IOException("The connection closed before the answer was complete.");
                }

                var n = Math.Min(count - got, _end - _start);
                Array.Copy(_buffer, _start, result, got, n);
                (_start, got) = (_start + n, got + n);
            }

            return result;
        }

        public async Task<byte[]> ReadToEndAsync()
        {
            var all = new MemoryStream();
            do
            {
                all.Write(_buffer, _start, _end - _start);
                _start = _end;
            }
            while (await FillAsync());

            return all.ToArray();
        }

        private async Task<bool> FillAsync()
        {
            _start = 0;
            _end = await stream.ReadAsync(_buffer, cancel);
            return _end > 0;
        }
    }
}
