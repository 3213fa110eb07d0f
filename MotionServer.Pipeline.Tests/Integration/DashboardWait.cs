using System.Text.Json;
using MotionServer.Pipeline.Dashboard;

namespace MotionServer.Pipeline.Tests.Integration;

/// <summary>Waits on what the running pipeline writes to the dashboards folder, checked after every render.</summary>
internal static class DashboardWait
{
    /// <summary>Completes with status.json's root once <paramref name="condition"/> holds for it (and for index.html when given).</summary>
    public static async Task<JsonElement> ForStatusAsync(this PipelineHarness server, Func<JsonElement, bool> condition, Func<string, bool>? page = null, TimeSpan? timeout = null)
    {
        var dashboards = server.Pipeline.Dashboards ?? throw new InvalidOperationException("the pipeline is not started");
        var met = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check()
        {
            try
            {
                string folder = server.Folder.DashboardsDirectory;
                using var status = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, DashboardRenderer.StatusFile)));
                if (condition(status.RootElement) && (page is null || page(File.ReadAllText(Path.Combine(folder, "index.html")))))
                {
                    met.TrySetResult(status.RootElement.Clone());
                }
            }
            catch (IOException)
            {
                // not written yet: the next render tells again
            }
        }

        void OnRendered(object? sender, EventArgs e) => Check();
        dashboards.Rendered += OnRendered;
        try
        {
            Check();
            return await met.Task.WaitAsync(timeout ?? PipelineHarness.DefaultTimeout);
        }
        finally
        {
            dashboards.Rendered -= OnRendered;
        }
    }

    /// <summary>The codes of status.json's notices.</summary>
    public static IReadOnlyList<string> NoticeCodes(this JsonElement status) =>
        [.. status.GetProperty("notices").EnumerateArray().Select(n => n.GetProperty("code").GetString()!)];
}
