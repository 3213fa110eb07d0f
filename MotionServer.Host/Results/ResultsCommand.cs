using System.CommandLine;
using System.Text.Json;
using MotionServer.Host.CommandLine;
using MotionServer.Pipeline.Logging;
using MotionServer.Pipeline.Tracks.Oao;
using MotionServer.Pipeline.Tracks.Results;

namespace MotionServer.Host.Results;

/// <summary>
/// <c>MotionServer.Host results</c>: the results of track files by the speed-sailing rules, as a table or (with
/// <c>--json</c>) a JSON array in the order given; or, with <c>--event-dir</c>, the day's results files rebuilt from
/// disk. Exit code 0 done, 1 when a file cannot be read (the others are still printed, the file is named on standard
/// error), 2 on bad input.
/// </summary>
internal static class ResultsCommand
{
    public const string Name = "results";

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error) =>
        Run(HostCommandLine.Parse([Name, .. args]), output, error);

    /// <summary>Runs <c>results</c> from the program's parsed command line.</summary>
    public static int Run(ParseResult commandLine, TextWriter output, TextWriter error) =>
        Run(commandLine, output, error, TrackResultsReader.Read, DayResultsRebuild.Run);

    /// <summary>The command with its two seams: how a file's results are read, and how a day's files are rebuilt.</summary>
    internal static int Run(
        IReadOnlyList<string> args, TextWriter output, TextWriter error,
        Func<string, TrackResults> read, Func<string, DateOnly?, TextWriter, TextWriter, int> rebuild) =>
        Run(HostCommandLine.Parse([Name, .. args]), output, error, read, rebuild);

    private static int Run(
        ParseResult commandLine, TextWriter output, TextWriter error,
        Func<string, TrackResults> read, Func<string, DateOnly?, TextWriter, TextWriter, int> rebuild)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var arguments = ResultsArguments.From(commandLine, out var mistakes);
        if (arguments is null)
        {
            foreach (string mistake in mistakes)
            {
                error.WriteLine($"MotionServer.Host results: {mistake}");
            }

            error.WriteLine(HostCommandLine.Help(ResultsArguments.Command));
            return ExitCodes.BadInput;
        }

        if (arguments.Help)
        {
            output.WriteLine(HostCommandLine.Help(ResultsArguments.Command));
            return ExitCodes.Success;
        }

        if (arguments.EventDirectory is { } folder)
        {
            if (!Directory.Exists(folder))
            {
                error.WriteLine($"MotionServer.Host results: the event folder {folder} does not exist");
                return ExitCodes.BadInput;
            }

            return rebuild(folder, arguments.Date, output, error);
        }

        return PrintFiles(arguments, output, error, read);
    }

    private static int PrintFiles(ResultsArguments arguments, TextWriter output, TextWriter error, Func<string, TrackResults> read)
    {
        var files = arguments.Files;
        var results = new TrackResults?[files.Count];
        var problems = new string?[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            try
            {
                results[i] = read(files[i]);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or OaoFormatException)
            {
                problems[i] = e.Message;
            }
        });

        var rows = files.Zip(results, (file, result) => (File: file, Results: result!)).Where(row => row.Results is not null).ToList();
        if (arguments.Json)
        {
            IReadOnlyList<ResultsRowJson> json = [.. rows.Select(row => ResultsRowJson.From(row.File, row.Results))];
            output.WriteLine(JsonSerializer.Serialize(json, ResultsJsonContext.Default.IReadOnlyListResultsRowJson));
        }
        else
        {
            ResultsTable.Write(output, rows);
        }

        for (int i = 0; i < files.Count; i++)
        {
            if (problems[i] is { } message)
            {
                error.WriteLine($"MotionServer.Host results: {files[i]} cannot be read: {LogText.Escape(message)}");
            }
        }

        return problems.Any(p => p is not null) ? ExitCodes.Failure : ExitCodes.Success;
    }
}
