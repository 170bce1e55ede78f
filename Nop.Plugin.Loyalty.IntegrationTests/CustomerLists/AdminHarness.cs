using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Security;
using Nop.Data;
using Nop.Plugin.Loyalty.Controllers;
using Nop.Plugin.Loyalty.Factories;
using Nop.Plugin.Loyalty.Services;
using Nop.Services.Customers;
using Nop.Services.Security;
using Nop.Tests;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Loyalty.IntegrationTests.CustomerLists;

/// <summary>The plugin's admin controllers on the harness, called as a given admin (the work context's customer).</summary>
public abstract class AdminHarness : LoyaltyHarness
{
    /// <summary>The plugin's permission, granted to Administrators, as nopCommerce installs it with the plugin.</summary>
    protected async Task EnsureManageLoyaltyPermissionAsync()
    {
        var permissionService = GetService<IPermissionService>();
        if ((await permissionService.GetAllPermissionRecordsAsync()).Any(p => p.SystemName == LoyaltyDefaults.ManageLoyaltyPermission))
            return;

        await permissionService.InsertPermissionRecordAsync(new PermissionRecord
        {
            Name = "Admin area. Manage loyalty",
            SystemName = LoyaltyDefaults.ManageLoyaltyPermission,
            Category = "Promotions"
        });
        var administrators = await GetService<ICustomerService>().GetCustomerRoleBySystemNameAsync(NopCustomerDefaults.AdministratorsRoleName);
        await permissionService.InsertPermissionMappingAsync(administrators.Id, LoyaltyDefaults.ManageLoyaltyPermission);
    }

    /// <summary>A registered admin whose one extra role has exactly these permissions (plus access to the admin area).</summary>
    protected async Task<Customer> CreateAdminAsync(string prefix, params string[] permissions)
    {
        await EnsureManageLoyaltyPermissionAsync();
        var permissionService = GetService<IPermissionService>();

        var role = new CustomerRole { Name = $"{prefix} {Guid.NewGuid().ToString("N")[..8]}", Active = true };
        await GetService<ICustomerService>().InsertCustomerRoleAsync(role);
        await permissionService.InsertPermissionMappingAsync(role.Id, [StandardPermission.Security.ACCESS_ADMIN_PANEL, .. permissions]);

        var admin = (await CreateCustomersAsync(1, prefix)).Single();
        await GetService<IRepository<CustomerCustomerRoleMapping>>().InsertAsync(
            new CustomerCustomerRoleMapping { CustomerId = admin.Id, CustomerRoleId = role.Id }, false);
        return admin;
    }

    /// <summary>Runs <paramref name="action"/> with <paramref name="admin"/> as the current customer, then restores the harness's admin.</summary>
    protected async Task<T> AsAsync<T>(Customer admin, Func<Task<T>> action)
    {
        var workContext = GetService<IWorkContext>();
        await workContext.SetCurrentCustomerAsync(admin);
        try
        {
            return await action();
        }
        finally
        {
            await workContext.SetCurrentCustomerAsync(await GetService<ICustomerService>().GetCustomerByEmailAsync(NopTestsDefaults.AdminEmail));
        }
    }

    /// <summary>The permissions of the action's [CheckPermission] filters that refuse the current customer.</summary>
    protected async Task<IList<string>> RefusedPermissionsAsync<TController>(string actionName)
    {
        var method = typeof(TController).GetMethods().Single(m => m.Name == actionName);
        var refused = new List<string>();
        foreach (var attribute in method.GetCustomAttributes(typeof(CheckPermissionAttribute), true).Cast<CheckPermissionAttribute>())
        {
            var filter = (IAsyncAuthorizationFilter)attribute.CreateInstance(ServiceProvider);
            var context = new AuthorizationFilterContext(
                new ActionContext(GetService<IHttpContextAccessor>().HttpContext!, new RouteData(), new ActionDescriptor()),
                new List<IFilterMetadata> { filter });
            await filter.OnAuthorizationAsync(context);
            if (context.Result != null)
                refused.AddRange(attribute.PermissionSystemName);
        }

        return refused;
    }

    protected SpecialPointsController WizardController()
    {
        var provider = ServiceProvider;
        var models = ActivatorUtilities.CreateInstance<LoyaltyAdminModelFactory>(provider, (ISegmentService)Segments,
            (ISpecialGrantService)Grants, SegmentModels(), Describer, UploadedLists, ActivatorUtilities.CreateInstance<LoyaltyDates>(provider));
        return ActivatorUtilities.CreateInstance<SpecialPointsController>(provider, (IGrantWizardService)Wizard,
            (ISpecialGrantService)Grants, models, Settings, UploadedLists);
    }

    private SegmentModelFactory SegmentModels() => ActivatorUtilities.CreateInstance<SegmentModelFactory>(ServiceProvider,
        (ISegmentService)Segments, Describer, ActivatorUtilities.CreateInstance<CollectedCustomerFields>(ServiceProvider));

    protected SegmentController NewSegmentController()
    {
        var provider = ServiceProvider;
        var controller = ActivatorUtilities.CreateInstance<SegmentController>(provider, (ISegmentService)Segments,
            SegmentModels());
        controller.Url = new NopTestUrlHelper(new ActionContext(new DefaultHttpContext(), new RouteData(), new ActionDescriptor()));
        return controller;
    }

    /// <summary>A JSON action result as a document, as the browser receives it.</summary>
    protected static JsonElement JsonOf(IActionResult result) =>
        JsonDocument.Parse(JsonSerializer.Serialize(((JsonResult)result).Value)).RootElement;
}
