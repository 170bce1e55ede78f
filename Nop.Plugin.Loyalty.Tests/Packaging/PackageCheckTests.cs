using System.Diagnostics;
using Nop.Plugin.Loyalty.Tests.Infrastructure;

namespace Nop.Plugin.Loyalty.Tests.Packaging;

/// <summary>
/// The package check (build/PackageCheck.targets) that the plugin's Package target runs before zipping: run on staged
/// folders of empty files, with a fake store folder, through MSBuild as the build runs it.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.None)]
public class PackageCheckTests
{
    private string _root = null!;

    [SetUp]
    public void CreateFolders()
    {
        _root = Path.Combine(Path.GetTempPath(), "loyalty-package-check-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(_root, "stage", "Misc.Loyalty", "Views"));
        Directory.CreateDirectory(Path.Combine(_root, "store", "ru"));
        Stage("Nop.Plugin.Loyalty.dll", "Nop.Plugin.Loyalty.Engine.dll", "CsvHelper.dll", "Hangfire.Core.dll", "Dapper.dll", "QRCoder.dll");
        File.WriteAllText(Path.Combine(_root, "stage", "Misc.Loyalty", "plugin.json"), "{}");
        File.WriteAllText(Path.Combine(_root, "store", "Autofac.dll"), "");
        File.WriteAllText(Path.Combine(_root, "store", "Nop.Core.dll"), "");
    }

    [TearDown]
    public void DeleteFolders() => Directory.Delete(_root, true);

    [Test]
    public void The_plugins_own_files_pass()
    {
        var (exitCode, output) = RunCheck();

        Assert.That(exitCode, Is.Zero, output);
        Assert.That(output, Does.Contain("6 assemblies"));
    }

    [TestCase("Autofac.dll")]
    [TestCase("Nop.Core.dll")]
    [TestCase("Nop.Web.dll")]
    [TestCase("Views/Some.Unknown.dll")]
    public void A_foreign_assembly_fails_the_package(string file)
    {
        Stage(file);

        var (exitCode, output) = RunCheck();

        Assert.That(exitCode, Is.Not.Zero, output);
        Assert.That(output, Does.Contain("Foreign assemblies would be packaged").And.Contain(Path.GetFileName(file)));
    }

    [Test]
    public void A_listed_package_the_store_now_ships_itself_fails_the_package()
    {
        File.WriteAllText(Path.Combine(_root, "store", "ru", "CsvHelper.dll"), "");

        var (exitCode, output) = RunCheck();

        Assert.That(exitCode, Is.Not.Zero, output);
        Assert.That(output, Does.Contain("Assemblies the store ships itself would be packaged: CsvHelper.dll"));
    }

    private void Stage(params string[] files)
    {
        foreach (var file in files)
            File.WriteAllText(Path.Combine(_root, "stage", "Misc.Loyalty", file), "");
    }

    private (int ExitCode, string Output) RunCheck()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _root
        };
        foreach (var argument in new[]
                 {
                     "msbuild", RepositoryFiles.Path("build", "PackageCheck.targets"), "-t:LoyaltyCheckPackage", "-nologo", "-noAutoResponse",
                     "-nodeReuse:false", $"-p:LoyaltyPackageStage={Path.Combine(_root, "stage")}/", $"-p:LoyaltyStoreBin={Path.Combine(_root, "store")}/"
                 })
            start.ArgumentList.Add(argument);

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.That(process.WaitForExit(TimeSpan.FromMinutes(2)), "msbuild finished");
        return (process.ExitCode, output.Result + error.Result);
    }
}
