using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Nop.Plugin.Loyalty.Engine.Csv;
using Nop.Plugin.Loyalty.Models.Admin;
using Nop.Services.Localization;
using Nop.Services.Security;

namespace Nop.Plugin.Loyalty.Services;

/// <summary>
/// The target step of the special points wizard, shared by every page that picks customers that way (special points,
/// sending a coupon): the posted choice applied to the draft, a pasted or uploaded list stored server-side.
/// </summary>
public static class WizardTargetForm
{
    /// <summary>Largest customer list file read (bytes).</summary>
    public const long MaxCustomerListFileSize = 20 * 1024 * 1024;

    private static async Task<byte[]> ReadFileBytesAsync(IFormFile file)
    {
        using var buffer = new MemoryStream();
        await using (var stream = file.OpenReadStream())
            await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    /// <summary>Stores a new list for the draft, in place of the one it had.</summary>
    private static async Task ReplaceCustomerListAsync(UploadedListService uploadedListService, GrantDraft draft, string text, string sourceName, string encodingName)
    {
        var stored = await uploadedListService.SaveAsync(text, sourceName, encodingName);
        await uploadedListService.DeleteAsync(draft.CustomerListToken);
        draft.CustomerListToken = stored.Token;
    }

    /// <summary>Applies the posted target step to the draft; false with a model error when the target is incomplete.</summary>
    public static async Task<bool> ApplyAsync(GrantWizardModel model, GrantDraft draft, ModelStateDictionary modelState,
        IPermissionService permissionService, ILocalizationService localizationService, UploadedListService uploadedListService)
    {
        var kind = Enum.IsDefined(typeof(GrantTargetKind), model.TargetKind) ? (GrantTargetKind)model.TargetKind : GrantTargetKind.AllRegistered;
        draft.TargetKind = kind;
        draft.RoleIds = model.SelectedRoleIds?.Distinct().ToList() ?? new List<int>();
        draft.TagIds = model.SelectedTagIds?.Distinct().ToList() ?? new List<int>();
        draft.SegmentId = model.SegmentId is > 0 ? model.SegmentId : null;
        if (model.SegmentDefinitionJson != null)
            draft.SegmentDefinitionJson = model.SegmentDefinitionJson;

        //a customer list tells which emails belong to customers (its rejected rows show the others)
        if (kind == GrantTargetKind.CustomerList && !await permissionService.AuthorizeAsync(StandardPermission.Customers.CUSTOMERS_VIEW))
        {
            modelState.AddModelError(nameof(model.CustomerListText), await localizationService.GetResourceAsync("Plugins.Misc.Loyalty.Wizard.CustomerList.Denied"));
            return false;
        }

        var file = kind == GrantTargetKind.CustomerList && model.CustomerListFile is { Length: > 0 } ? model.CustomerListFile : null;
        var pasted = kind == GrantTargetKind.CustomerList && !string.IsNullOrWhiteSpace(model.CustomerListText) ? model.CustomerListText : null;
        if (file != null)
        {
            if (!await permissionService.AuthorizeAsync(StandardPermission.Customers.CUSTOMERS_IMPORT_EXPORT))
            {
                modelState.AddModelError(nameof(model.CustomerListFile), await localizationService.GetResourceAsync("Plugins.Misc.Loyalty.Wizard.CustomerListFile.Denied"));
                return false;
            }

            if (file.Length > MaxCustomerListFileSize)
            {
                modelState.AddModelError(nameof(model.CustomerListFile), string.Format(
                    await localizationService.GetResourceAsync("Plugins.Misc.Loyalty.Wizard.CustomerListFile.TooLarge"), MaxCustomerListFileSize / 1024 / 1024));
                return false;
            }

            var decoded = CustomerListDecoder.Decode(await ReadFileBytesAsync(file));
            if (!decoded.IsText)
            {
                modelState.AddModelError(nameof(model.CustomerListFile),
                    await localizationService.GetResourceAsync("Plugins.Misc.Loyalty.Wizard.CustomerListFile.NotText"));
                return false;
            }
            await ReplaceCustomerListAsync(uploadedListService, draft, decoded.Text, Path.GetFileName(file.FileName), decoded.EncodingName);
        }
        else if (pasted != null)
            await ReplaceCustomerListAsync(uploadedListService, draft, pasted, null, null);

        switch (kind)
        {
            case GrantTargetKind.Roles when draft.RoleIds.Count == 0:
                modelState.AddModelError(nameof(model.SelectedRoleIds), await localizationService.GetResourceAsync("Plugins.Misc.Loyalty.Wizard.Roles.Required"));
                return false;
            case GrantTargetKind.Tags when draft.TagIds.Count == 0:
                modelState.AddModelError(nameof(model.SelectedTagIds), await localizationService.GetResourceAsync("Plugins.Misc.Loyalty.Wizard.Tags.Required"));
                return false;
            case GrantTargetKind.Segment when draft.SegmentId == null:
                modelState.AddModelError(nameof(model.SegmentId), await localizationService.GetResourceAsync("Plugins.Misc.Loyalty.Wizard.Segment.Required"));
                return false;
            case GrantTargetKind.CustomerList when draft.CustomerListToken == null:
                modelState.AddModelError(nameof(model.CustomerListText), await localizationService.GetResourceAsync("Plugins.Misc.Loyalty.Wizard.CustomerList.Required"));
                return false;
            default:
                return true;
        }
    }
}
