// Motion Server's pipeline inside a program of your own: a Generic Host with AddMotionServer(), reacting to every
// status change. Run it on an event folder that holds a roster (config/motions.csv):
//
//   dotnet run --project samples/EmbeddingSample -- /path/to/event
//
// Settings come from the "MotionServer" configuration section as usual, e.g. --MotionServer:Network:Port=8080, and are
// IOptions<MotionServerOptions>: Configure<MotionServerOptions> changes them in code, and bad ones fail the start.
//
// With --roster-url URL the roster comes from a registration web service (WebRosterSource.cs), not config/motions.csv.
using EmbeddingSample;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MotionServer.Pipeline;
using MotionServer.Pipeline.Configuration;
using MotionServer.Pipeline.State;

string eventDirectory = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : ".";

var builder = Host.CreateApplicationBuilder(args);
builder.Configuration["MotionServer:EventDirectory"] = eventDirectory;
builder.Logging.SetMinimumLevel(LogLevel.Warning); // the pipeline's own lines; this sample prints the status changes
var motionServer = builder.Services.AddMotionServer(builder.Configuration);
builder.Services.Configure<MotionServerOptions>(o => o.Dashboard.Interval = TimeSpan.FromSeconds(10)); // phones on a slow WiFi
if (builder.Configuration["roster-url"] is { Length: > 0 } rosterUrl)
{
    builder.Services.AddSingleton<HttpClient>();
    motionServer.UseRosterSource(services => new WebRosterSource(new Uri(rosterUrl), services.GetRequiredService<HttpClient>()));
}

using var host = builder.Build();
var fleet = host.Services.GetRequiredService<IMotionFleet>();
fleet.StatusChanged += (_, change) => Console.WriteLine(Describe(change, fleet.GetMotion(change.DeviceId)));

try
{
    await host.RunAsync();
    return 0;
}
catch (StartupException e)
{
    // A bad roster or a folder in use: every problem is named.
    foreach (string problem in e.Problems)
    {
        Console.Error.WriteLine($"cannot start - {problem}");
    }

    return 2;
}
catch (OptionsValidationException e)
{
    // Bad settings (validated when the host starts): every problem is named, with its key and value.
    foreach (string problem in e.Failures)
    {
        Console.Error.WriteLine($"bad setting - {problem}");
    }

    return 2;
}

static string Describe(MotionStatusChange change, MotionSnapshot? motion) => change.Current switch
{
    MotionStatus.Completed when motion is { CanBeDisconnected: true } => $"{motion.Hostname} ({motion.Competitor}) can be handed back - {motion.Tracks.Completed} track(s)",
    MotionStatus.Failed => $"motion-{change.DeviceId} failed: {motion?.LastError}",
    _ => $"motion-{change.DeviceId}: {change.Previous} -> {change.Current}",
};
