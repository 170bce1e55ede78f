namespace Nop.Plugin.Loyalty.Tests.Infrastructure;

/// <summary>Files of the repository the tests read as shipped: resources and views.</summary>
internal static class RepositoryFiles
{
    /// <summary>The path of a file given relative to the repository's root.</summary>
    public static string Path(params string[] parts)
    {
        var relative = System.IO.Path.Combine(parts);
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory != null && !File.Exists(System.IO.Path.Combine(directory.FullName, relative)))
            directory = directory.Parent;
        Assert.That(directory, Is.Not.Null, $"{relative} above the test directory");
        return System.IO.Path.Combine(directory!.FullName, relative);
    }
}
