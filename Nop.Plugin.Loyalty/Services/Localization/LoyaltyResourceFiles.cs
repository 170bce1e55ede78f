using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Nop.Core.Infrastructure;
using Nop.Plugin.Loyalty.Engine.Localization;
using Nop.Services.Plugins;

namespace Nop.Plugin.Loyalty.Services.Localization;

/// <summary>One resource file of the plugin: its culture and its texts by key (ignoring case, as nopCommerce does).</summary>
public sealed record LoyaltyResourceFile(string Culture, string Path, IReadOnlyDictionary<string, string> Values)
{
    /// <summary>The text of a key, or null when the file lacks it.</summary>
    public string this[string key] => Values.TryGetValue(key, out var value) ? value : null;
}

/// <summary>
/// The resource files in the plugin's Localization folder: every "*.xml" whose culture is its root's SupportedCulture
/// attribute or part of its name ("de-DE.nopres.xml"), so supporting another language is dropping its file there.
/// </summary>
public sealed class LoyaltyResourceFiles
{
    private LoyaltyResourceFiles(IReadOnlyList<LoyaltyResourceFile> files) => Files = files;

    public IReadOnlyList<LoyaltyResourceFile> Files { get; }

    /// <summary>The file for a language culture (see <see cref="ResourceCultures.Pick"/>), or null when none fits.</summary>
    public LoyaltyResourceFile For(string languageCulture)
    {
        var culture = ResourceCultures.Pick(languageCulture, Files.Select(f => f.Culture));
        return Files.FirstOrDefault(f => f.Culture == culture);
    }

    /// <summary>The file the plugin's own defaults come from (English).</summary>
    public LoyaltyResourceFile Default => For(ResourceCultures.Fallback);

    /// <summary>Reads the files of the plugin's Localization folder (none when it cannot be found).</summary>
    public static async Task<LoyaltyResourceFiles> LoadAsync(INopFileProvider fileProvider, PluginDescriptor descriptor)
    {
        var files = new List<LoyaltyResourceFile>();
        var directory = FindDirectory(fileProvider, descriptor);
        if (directory != null)
        {
            foreach (var path in fileProvider.GetFiles(directory, "*.xml").OrderBy(p => p, StringComparer.Ordinal))
                if (await ReadAsync(fileProvider, path) is { } file)
                    files.Add(file);
        }

        return new LoyaltyResourceFiles(files);
    }

    private static string FindDirectory(INopFileProvider fileProvider, PluginDescriptor descriptor)
    {
        var candidates = new List<string>();
        if (!string.IsNullOrEmpty(descriptor?.OriginalAssemblyFile))
            candidates.Add(fileProvider.Combine(fileProvider.GetDirectoryName(descriptor.OriginalAssemblyFile), "Localization"));
        // Beside the assembly before the store's plugin folder: a host that loads the plugin from elsewhere (a test run)
        // reads the files built with it.
        var assemblyDirectory = System.IO.Path.GetDirectoryName(typeof(LoyaltyResourceFiles).Assembly.Location);
        if (!string.IsNullOrEmpty(assemblyDirectory))
            candidates.Add(System.IO.Path.Combine(assemblyDirectory, "Localization"));
        candidates.Add(fileProvider.MapPath($"~/Plugins/{LoyaltyDefaults.SystemName}/Localization"));
        candidates.Add(System.IO.Path.Combine(AppContext.BaseDirectory, "Localization"));

        return candidates.FirstOrDefault(fileProvider.DirectoryExists);
    }

    private static async Task<LoyaltyResourceFile> ReadAsync(INopFileProvider fileProvider, string path)
    {
        XElement root;
        try
        {
            root = XDocument.Parse(await fileProvider.ReadAllTextAsync(path, Encoding.UTF8)).Root;
        }
        catch (XmlException)
        {
            return null;
        }

        var culture = root?.Attribute("SupportedCulture")?.Value?.Trim();
        if (string.IsNullOrEmpty(culture))
            culture = CultureOfName(fileProvider.GetFileNameWithoutExtension(path));
        if (string.IsNullOrEmpty(culture) || root == null)
            return null;

        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var resource in root.Elements("LocaleResource"))
            if (resource.Attribute("Name")?.Value is { Length: > 0 } name)
                values[name] = resource.Element("Value")?.Value ?? "";

        return new LoyaltyResourceFile(culture, path, values);
    }

    // "ja-JP.nopres", "resources.de-DE", "Loyalty.fr": the last part that names a culture .NET knows.
    private static string CultureOfName(string name)
    {
        foreach (var part in name.Split('.', '_', ' ').AsEnumerable().Reverse())
        {
            if (part.Length < 2)
                continue;
            try
            {
                return CultureInfo.GetCultureInfo(part, predefinedOnly: true).Name;
            }
            catch (CultureNotFoundException)
            {
            }
        }

        return null;
    }
}
