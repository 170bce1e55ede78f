using Microsoft.AspNetCore.Mvc;
using Nop.Plugin.Loyalty.Domains;
using Nop.Plugin.Loyalty.Engine;
using Nop.Plugin.Loyalty.Factories;
using Nop.Plugin.Loyalty.Models;
using Nop.Plugin.Loyalty.Models.Tags;
using Nop.Plugin.Loyalty.Services.Tags;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Web.Framework;
using Nop.Web.Framework.Controllers;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Loyalty.Controllers;

/// <summary>The tag groups page (Customers &gt; Member tags &gt; Groups): create, rename, sort, delete.</summary>
[Area(AreaNames.ADMIN)]
[AuthorizeAdmin]
[AutoValidateAntiforgeryToken]
[Route("Admin/MemberTags/Groups/[action]/{id:int?}")]
public class MemberTagGroupController : BasePluginController
{
    private const string ViewsPath = LoyaltyUiDefaults.ViewsPath + "Tags/";
    private const string Prefix = "Plugins.Misc.Loyalty.Tags.Groups.";

    private readonly ILocalizationService _localizationService;
    private readonly IMemberTagService _tagService;
    private readonly INotificationService _notificationService;
    private readonly MemberTagModelFactory _modelFactory;

    public MemberTagGroupController(ILocalizationService localizationService,
        IMemberTagService tagService,
        INotificationService notificationService,
        MemberTagModelFactory modelFactory)
    {
        _localizationService = localizationService;
        _tagService = tagService;
        _notificationService = notificationService;
        _modelFactory = modelFactory;
    }

    private Task<string> ResourceAsync(string suffix) => _localizationService.GetResourceAsync(Prefix + suffix);

    private async Task<bool> SaveAsync(Func<Task> save)
    {
        try
        {
            await save();
            return true;
        }
        catch (LoyaltyRuleException exception)
        {
            _notificationService.ErrorNotification(await _modelFactory.FormatMessageAsync(exception.ResourceKey, exception.Arguments));
            return false;
        }
    }

    [Route("/Admin/MemberTags/Groups")]
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    public async Task<IActionResult> List() => View(ViewsPath + "Groups.cshtml", await _modelFactory.PrepareGroupListModelAsync());

    [HttpPost]
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    public async Task<IActionResult> Create(MemberTagGroupListModel model)
    {
        var group = new MemberTagGroup { Name = model.NewGroup?.Name, DisplayOrder = model.NewGroup?.DisplayOrder ?? 0 };
        if (!await SaveAsync(() => _tagService.InsertGroupAsync(group)))
            return View(ViewsPath + "Groups.cshtml", await _modelFactory.PrepareGroupListModelAsync(model.NewGroup));
        _notificationService.SuccessNotification(await ResourceAsync("Added"));
        return RedirectToAction(nameof(List));
    }

    [HttpPost]
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    public async Task<IActionResult> Update(int id, string name, int displayOrder)
    {
        var group = await _tagService.GetGroupByIdAsync(id);
        if (group == null)
            return RedirectToAction(nameof(List));
        group.Name = name;
        group.DisplayOrder = displayOrder;
        if (await SaveAsync(() => _tagService.UpdateGroupAsync(group)))
            _notificationService.SuccessNotification(await ResourceAsync("Updated"));
        return RedirectToAction(nameof(List));
    }

    [HttpPost]
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    public async Task<IActionResult> Delete(int id)
    {
        var group = await _tagService.GetGroupByIdAsync(id);
        if (group != null)
        {
            await _tagService.DeleteGroupAsync(group);
            _notificationService.SuccessNotification(await ResourceAsync("Deleted"));
        }

        return RedirectToAction(nameof(List));
    }

    /// <summary>Moves a group one place up or down.</summary>
    [HttpPost]
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    public async Task<IActionResult> Move(int id, bool up)
    {
        var ids = (await _tagService.GetAllGroupsAsync()).Select(g => g.Id).ToList();
        var index = ids.IndexOf(id);
        var other = up ? index - 1 : index + 1;
        if (index >= 0 && other >= 0 && other < ids.Count)
        {
            (ids[index], ids[other]) = (ids[other], ids[index]);
            await _tagService.SortGroupsAsync(ids);
        }

        return RedirectToAction(nameof(List));
    }
}
