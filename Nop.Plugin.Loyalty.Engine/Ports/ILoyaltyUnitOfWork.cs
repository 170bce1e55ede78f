namespace Nop.Plugin.Loyalty.Engine.Ports;

/// <summary>A transaction around one chunk's writes; disposing it without <see cref="Complete"/> undoes them.</summary>
public interface ILoyaltyUnitOfWork : IDisposable
{
    void Complete();
}
