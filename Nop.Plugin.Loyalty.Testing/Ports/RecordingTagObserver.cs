using System.Collections.Concurrent;
using Nop.Plugin.Loyalty.Engine.Ports;
using Nop.Plugin.Loyalty.Engine.Tags;

namespace Nop.Plugin.Loyalty.Testing.Ports;

/// <summary>Keeps what the tag steps told the store, for tests to look at.</summary>
public sealed class RecordingTagObserver : ITagObserver
{
    public ConcurrentQueue<(int TagId, IReadOnlyList<int> CustomerIds)> Assigned { get; } = new();
    public ConcurrentQueue<(int TagId, IReadOnlyList<int> CustomerIds)> Removed { get; } = new();
    public ConcurrentQueue<(string Message, Exception Exception)> Errors { get; } = new();

    public Task TagAssignedAsync(TagRow tag, IReadOnlyList<int> customerIds)
    {
        Assigned.Enqueue((tag.Id, customerIds));
        return Task.CompletedTask;
    }

    public Task TagRemovedAsync(TagRow tag, IReadOnlyList<int> customerIds)
    {
        Removed.Enqueue((tag.Id, customerIds));
        return Task.CompletedTask;
    }

    public Task ErrorAsync(string message, Exception exception)
    {
        Errors.Enqueue((message, exception));
        return Task.CompletedTask;
    }
}
