using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Infrastructure;
using Nop.Plugin.Loyalty.Factories;

namespace Nop.Plugin.Loyalty.Infrastructure;

/// <summary>Registers the plugin's UI services (model factories); the domain services are registered by PluginNopStartup.</summary>
public class UiNopStartup : INopStartup
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<LoyaltyAdminModelFactory>();
        services.AddScoped<SegmentModelFactory>();
        services.AddScoped<LoyaltyCustomerModelFactory>();
        services.AddScoped<MemberTagModelFactory>();
    }

    public void Configure(IApplicationBuilder application)
    {
    }

    public int Order => 3001;
}
