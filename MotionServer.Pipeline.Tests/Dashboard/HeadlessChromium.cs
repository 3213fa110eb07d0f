using System.Drawing;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace MotionServer.Pipeline.Tests.Dashboard;

/// <summary>
/// Debian's chromium, headless, driven through Debian's chromedriver (the same build, so no version mismatch and
/// nothing is ever downloaded). Opens a file:// or http:// page and watches it through its meta refresh: each reload
/// is counted (a marker set in the old document is gone in the new one), the DOM text is read, screenshots are taken.
/// </summary>
internal sealed class HeadlessChromium : IDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string DriverPath = "/usr/bin/chromedriver";

    private const string Marker = "__motionServerDocument";
    private readonly ChromeDriver _driver;
    private int _document;

    private HeadlessChromium(ChromeDriver driver) => _driver = driver;

    /// <summary>Why the browser tests cannot run here, or null when they can.</summary>
    public static string? Unavailable { get; } =
        !File.Exists(ChromiumPath) ? $"{ChromiumPath} is not installed (apt-get install chromium chromium-driver)"
        : !File.Exists(DriverPath) ? $"{DriverPath} is not installed (apt-get install chromium-driver)"
        : null;

    /// <summary>Reloads seen since <see cref="Open"/>.</summary>
    public int Refreshes { get; private set; }

    /// <summary>The visible text of the page now.</summary>
    public string Text => Script<string>("return document.body ? document.body.innerText : '';") ?? "";

    /// <summary>Starts a browser with a window of <paramref name="width"/> × <paramref name="height"/> CSS pixels.</summary>
    public static HeadlessChromium Start(int width = 1280, int height = 900)
    {
        if (Unavailable is { } reason)
        {
            throw new InvalidOperationException(reason);
        }

        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(DriverPath)!, Path.GetFileName(DriverPath));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = ChromiumPath };
        options.AddArguments(
            "--headless=new", "--no-sandbox", "--disable-background-networking", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-extensions", "--disable-component-update", "--disable-sync", "--no-first-run", "--no-default-browser-check",
            "--allow-file-access-from-files", "--hide-scrollbars", $"--window-size={width},{height}",
            // No name is looked up (the pages come from files and loopback addresses): even with background networking
            // off, Chromium asked the machine's name server for accounts.google.com and clients2.google.com.
            "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.*");
        var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        driver.Manage().Window.Size = new Size(width, height);
        return new HeadlessChromium(driver);
    }

    /// <summary>Opens <paramref name="uri"/> (file:// or http://) and starts counting its reloads.</summary>
    public void Open(Uri uri)
    {
        _driver.Navigate().GoToUrl(uri);
        Refreshes = 0;
        Mark();
    }

    /// <summary>The value of attribute <paramref name="name"/> of the first element matching <paramref name="css"/>, or null.</summary>
    public string? Attribute(string css, string name) =>
        Script<string?>("var e = document.querySelector(arguments[0]); return e ? e.getAttribute(arguments[1]) : null;", css, name);

    /// <summary>How many elements match <paramref name="css"/>.</summary>
    public long Count(string css) => Script<long>("return document.querySelectorAll(arguments[0]).length;", css);

    /// <summary>The text of the first element matching <paramref name="css"/>, or null.</summary>
    public string? TextOf(string css) =>
        Script<string?>("var e = document.querySelector(arguments[0]); return e ? e.innerText : null;", css);

    /// <summary>Waits until the page has reloaded itself <paramref name="count"/> times since it was opened.</summary>
    public Task WaitForRefreshesAsync(int count, TimeSpan timeout) =>
        WaitForAsync(b => b.Refreshes >= count, $"{count} reload(s)", timeout);

    /// <summary>Polls the page (counting reloads) until <paramref name="condition"/> holds; throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public async Task WaitForAsync(Func<HeadlessChromium, bool> condition, string because, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                if (IsNewDocument())
                {
                    Refreshes++;
                    Mark();
                }

                if (condition(this))
                {
                    // The page may have reloaded while the condition was read: count that reload too.
                    if (IsNewDocument())
                    {
                        Refreshes++;
                        Mark();
                    }

                    return;
                }
            }
            catch (WebDriverException)
            {
                // The page was between two documents: look again.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The page did not show {because} within {timeout} ({Refreshes} reload(s) seen).");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Opens <paramref name="uri"/>, waits for <paramref name="refreshes"/> reloads, returns the text then and a screenshot.</summary>
    public async Task<(string Text, byte[] Screenshot)> ReadAfterRefreshesAsync(Uri uri, int refreshes, TimeSpan timeout)
    {
        Open(uri);
        await WaitForRefreshesAsync(refreshes, timeout);
        return (Text, Screenshot());
    }

    /// <summary>A PNG of the window.</summary>
    public byte[] Screenshot() => _driver.GetScreenshot().AsByteArray;

    /// <summary>Saves a PNG of the window under the test output's <c>browser-screenshots/</c> and returns its path.</summary>
    public string SaveScreenshot(string name)
    {
        string directory = Path.Combine(AppContext.BaseDirectory, "browser-screenshots");
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, name + ".png");
        File.WriteAllBytes(path, Screenshot());
        return path;
    }

    public void Dispose()
    {
        _driver.Quit();
        _driver.Dispose();
    }

    private void Mark()
    {
        _document++;
        Script<object?>($"window.{Marker} = arguments[0];", _document);
    }

    private bool IsNewDocument() =>
        Script<bool>($"return window.{Marker} === undefined;"); // a new navigation has a new window object, loaded or not

    private T Script<T>(string script, params object?[] arguments) => (T)_driver.ExecuteScript(script, arguments)!;
}

/// <summary>A test that needs <see cref="HeadlessChromium"/>: skipped, saying why, where chromium is not installed.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (HeadlessChromium.Unavailable is { } reason)
        {
            Skip = $"Browser test skipped: {reason}.";
        }
    }
}
