using System.Diagnostics;
using Nop.Plugin.Loyalty.Tests.Infrastructure;

namespace Nop.Plugin.Loyalty.Tests.Packaging;

/// <summary>
/// The clean-up (build/ClearStoreContent.targets) that every source-tree build runs on the plugin folder: run through
/// MSBuild on a folder shaped like the one a build inside nopCommerce leaves.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.None)]
public class ClearStoreContentTests
{
    private static readonly string[] PluginFiles =
    [
        "Nop.Plugin.Loyalty.dll", "Nop.Plugin.Loyalty.pdb", "Nop.Plugin.Loyalty.Engine.dll", "Nop.Plugin.Loyalty.Engine.xml",
        "CsvHelper.dll", "plugin.json", "logo.png", "Views/Tags/List.cshtml", "Views/_ViewImports.cshtml",
        "Localization/en-US.nopres.xml", "Localization/ja-JP.nopres.xml"
    ];

    private static readonly string[] StoreContent =
    [
        "Nop.Web.deps.json", "Nop.Web.runtimeconfig.json", "Nop.Plugin.Loyalty.staticwebassets.endpoints.json",
        "App_Data/installed.txt", "App_Data/Uploaded/a.txt", "Nop.Web/wwwroot/x.css", "ja/Hangfire.Core.resources.dll",
        "runtimes/linux-x64/native/libSkiaSharp.so", "runtimes/win-x64/native/e_sqlite3.dll"
    ];

    private string _folder = null!;

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "loyalty-clear-content-" + Guid.NewGuid().ToString("N"));
        foreach (var file in PluginFiles.Concat(StoreContent))
        {
            var path = Path.Combine(_folder, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "");
        }
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, true);

    [Test]
    public void Only_the_plugins_own_files_stay()
    {
        var (exitCode, output) = Run();

        Assert.That(exitCode, Is.Zero, output);
        var left = Directory.EnumerateFiles(_folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(_folder, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        Assert.That(left, Is.EqualTo(PluginFiles.Order(StringComparer.Ordinal)));
        Assert.That(Directory.GetDirectories(_folder).Select(Path.GetFileName).Order(), Is.EqualTo(new[] { "Localization", "Views" }));
    }

    [Test]
    public void A_second_run_on_a_clean_folder_changes_nothing()
    {
        Assert.That(Run().ExitCode, Is.Zero);

        var (exitCode, output) = Run();

        Assert.That(exitCode, Is.Zero, output);
        Assert.That(Directory.EnumerateFiles(_folder, "*", SearchOption.AllDirectories).Count(), Is.EqualTo(PluginFiles.Length));
    }

    private (int ExitCode, string Output) Run()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false
        };
        foreach (var argument in new[]
                 {
                     "msbuild", RepositoryFiles.Path("build", "ClearStoreContent.targets"), "-t:LoyaltyClearStoreContent", "-nologo",
                     "-noAutoResponse", "-nodeReuse:false", $"-p:LoyaltyPluginDir={_folder}/"
                 })
            start.ArgumentList.Add(argument);

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.That(process.WaitForExit(TimeSpan.FromMinutes(2)), "msbuild finished");
        return (process.ExitCode, output.Result + error.Result);
    }
}
