using Nop.Plugin.Loyalty.Engine.Tags;

namespace Nop.Plugin.Loyalty.Engine.Ports;

/// <summary>
/// What tag steps tell the store once a chunk's writes are committed (events for other plugins, caches, the log).
/// A failure here never undoes or repeats the chunk: the engine reports it through <see cref="ErrorAsync"/> and goes on.
/// </summary>
public interface ITagObserver
{
    /// <summary>These customers were given the tag.</summary>
    Task TagAssignedAsync(TagRow tag, IReadOnlyList<int> customerIds);

    /// <summary>These customers lost the tag.</summary>
    Task TagRemovedAsync(TagRow tag, IReadOnlyList<int> customerIds);

    Task ErrorAsync(string message, Exception exception);
}
