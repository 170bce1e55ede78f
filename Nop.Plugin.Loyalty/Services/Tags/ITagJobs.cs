namespace Nop.Plugin.Loyalty.Services.Tags; public interface ITagJobs { Task QueueRecomputeAsync(int tagId); }
