namespace Nop.Plugin.Loyalty;

/// <summary>Names and defaults shared by the plugin's parts.</summary>
public static class LoyaltyDefaults
{
    /// <summary>The plugin's system name (plugin.json).</summary>
    public const string SystemName = "Misc.Loyalty";

    /// <summary>Prefix of every locale resource the plugin ships.</summary>
    public const string ResourcePrefix = "Plugins.Misc.Loyalty";

    /// <summary>Permission to manage special points, segments and the plugin's settings.</summary>
    public const string ManageLoyaltyPermission = "Misc.Loyalty.ManageLoyalty";

    /// <summary>Permission to open a customer's coupon QR link and use the copy at the counter (staff).</summary>
    public const string RedeemCouponsPermission = "Misc.Loyalty.RedeemCoupons";

    /// <summary>Message template sent to each recipient of a special grant.</summary>
    public const string GrantedMessageTemplateName = "Loyalty.SpecialPoints.Granted";

    /// <summary>Message template sent to each customer a coupon distribution issued a copy to.</summary>
    public const string CouponIssuedMessageTemplateName = "Loyalty.Coupons.Issued";

    #region Routes

    public const string ConfigurationRouteName = "Plugin.Misc.Loyalty.Configure";
    public const string GrantListRouteName = "Plugin.Misc.Loyalty.Grants";
    public const string GrantDetailsRouteName = "Plugin.Misc.Loyalty.GrantDetails";
    public const string MyPointsRouteName = "Plugin.Misc.Loyalty.MyPoints";

    /// <summary>The admin configuration page (GetConfigurationPageUrl).</summary>
    public const string ConfigurationPath = "/Admin/Loyalty/Configure";

    #endregion

    #region Scheduled tasks

    public const string ExpirePointsTaskName = "Loyalty: expire points";
    public const string ExpirePointsTaskType = "Nop.Plugin.Loyalty.ScheduledTasks.ExpirePointsTask, Nop.Plugin.Loyalty";
    public const int ExpirePointsTaskSeconds = 60 * 60;

    public const string PurgeExpiredPointsTaskName = "Loyalty: purge expired unused special points";
    public const string PurgeExpiredPointsTaskType = "Nop.Plugin.Loyalty.ScheduledTasks.PurgeExpiredPointsTask, Nop.Plugin.Loyalty";
    public const int PurgeExpiredPointsTaskSeconds = 24 * 60 * 60;

    public const string ResumeGrantsTaskName = "Loyalty: resume unfinished special grants";
    public const string ResumeGrantsTaskType = "Nop.Plugin.Loyalty.ScheduledTasks.ResumeGrantsTask, Nop.Plugin.Loyalty";
    public const int ResumeGrantsTaskSeconds = 5 * 60;

    public const string FillPurchaseLinesTaskName = "Loyalty: fill and check the purchase table";
    public const string FillPurchaseLinesTaskType = "Nop.Plugin.Loyalty.ScheduledTasks.FillPurchaseLinesTask, Nop.Plugin.Loyalty";

    /// <summary>
    /// 30 seconds for a run every minute: nopCommerce's task timer ticks every interval, but records a run's start a
    /// moment after the tick, so at the next tick the interval has not quite passed and the run is skipped: a task runs
    /// every other tick, twice its interval (a 60-second task ran every 2 minutes).
    /// </summary>
    public const int FillPurchaseLinesTaskSeconds = 30;

    /// <summary>The system names of the customer roles backing member tags start with this, followed by the tag id.</summary>
    public const string TagRoleSystemNamePrefix = "Loyalty.Tag.";

    public const string RecomputeTagsTaskName = "Loyalty: recompute automatic member tags";
    public const string RecomputeTagsTaskType = "Nop.Plugin.Loyalty.ScheduledTasks.RecomputeTagsTask, Nop.Plugin.Loyalty";

    /// <summary>The batch's tick: the tags due by <see cref="LoyaltySettings.TagRecomputeIntervalMinutes"/> are recomputed at each.</summary>
    public const int RecomputeTagsTaskSeconds = 5 * 60;

    public const int TagRecomputeIntervalMinutes = 60;

    public const string RemoveAbandonedListsTaskName = "Loyalty: remove abandoned customer lists";
    public const string RemoveAbandonedListsTaskType = "Nop.Plugin.Loyalty.ScheduledTasks.RemoveAbandonedListsTask, Nop.Plugin.Loyalty";
    public const int RemoveAbandonedListsTaskSeconds = 60 * 60;

    public const string ResumeCouponDistributionsTaskName = "Loyalty: resume unfinished coupon distributions";
    public const string ResumeCouponDistributionsTaskType = "Nop.Plugin.Loyalty.ScheduledTasks.ResumeCouponDistributionsTask, Nop.Plugin.Loyalty";
    public const int ResumeCouponDistributionsTaskSeconds = 5 * 60;

    /// <summary>
    /// How long a customer list pasted or uploaded in the grant wizard is kept when no grant is created from it:
    /// it holds customers' emails, so it does not outlive a working day's wizard session by much.
    /// </summary>
    public static readonly TimeSpan UploadedListLifetime = TimeSpan.FromHours(24);

    /// <summary>
    /// Resources of the tasks' names, by task type: a task is named in the admin's default language when it is created
    /// (the names above are the English defaults).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> TaskNameResources = new Dictionary<string, string>
    {
        [ExpirePointsTaskType] = ResourcePrefix + ".Tasks.ExpirePoints",
        [PurgeExpiredPointsTaskType] = ResourcePrefix + ".Tasks.PurgeExpiredPoints",
        [ResumeGrantsTaskType] = ResourcePrefix + ".Tasks.ResumeGrants",
        [FillPurchaseLinesTaskType] = ResourcePrefix + ".Tasks.FillPurchaseLines",
        [RemoveAbandonedListsTaskType] = ResourcePrefix + ".Tasks.RemoveAbandonedLists",
        [RecomputeTagsTaskType] = ResourcePrefix + ".Tags.Auto.Task",
        [ResumeCouponDistributionsTaskType] = ResourcePrefix + ".Coupons.Distribution.Task"
    };

    /// <summary>Orders per range of the purchase table's fill and check: two statements and about three lines per order.</summary>
    public const int PurchaseLineFillChunkOrders = 20_000;

    /// <summary>
    /// The time after which a fill run starts no other range: nopCommerce calls scheduled tasks over HTTP and, without
    /// ScheduleTaskRunTimeout, gives up on the call after 100 seconds.
    /// </summary>
    public static readonly TimeSpan PurchaseLineFillRunBudget = TimeSpan.FromSeconds(40);

    /// <summary>
    /// Ranges one run of the check compares once the table is complete (200,000 orders a minute: a full pass over
    /// 2 million orders every 10 minutes, two aggregate reads per range).
    /// </summary>
    public const int PurchaseLineVerifyRangesPerRun = 10;

    #endregion

    #region Background jobs

    /// <summary>Hangfire queue of grant runs.</summary>
    public const string HangfireQueue = "loyalty";

    #endregion

    #region Message tokens

    public const string CampaignToken = "Loyalty.Campaign";
    public const string PointsToken = "Loyalty.Points";
    public const string ExpiresOnToken = "Loyalty.ExpiresOn";
    public const string BalanceToken = "Loyalty.Balance";

    public const string CouponTitleToken = "Loyalty.Coupon.Title";
    public const string CouponBenefitToken = "Loyalty.Coupon.Benefit";
    public const string CouponValidUntilToken = "Loyalty.Coupon.ValidUntil";
    public const string CouponUsesToken = "Loyalty.Coupon.Uses";

    #endregion

    #region Locale resources used by the plugin's core

    /// <summary>Ledger message of an expiry entry; {0} = the lot's activation date (as nopCommerce's RewardPoints.Expired).</summary>
    public const string ExpiredMessageResource = "RewardPoints.Expired";

    /// <summary>Ledger message of a revoke entry; {0} = campaign name.</summary>
    public const string RevokedMessageResource = ResourcePrefix + ".Ledger.Revoked";

    /// <summary>Shown when a grant targets a segment before segments exist.</summary>

    /// <summary>Admin menu item Promotions &gt; Loyalty &gt; Segments.</summary>
    public const string SegmentsMenuSystemName = "Loyalty.Segments";

    /// <summary>Admin menu item Promotions &gt; Loyalty &gt; Coupons.</summary>
    public const string CouponsMenuSystemName = "Loyalty.Coupons";

    /// <summary>A segment needs a name.</summary>
    public const string SegmentNameRequiredResource = ResourcePrefix + ".Errors.Segment.NameRequired";

    /// <summary>Deleting a segment a queued or running grant targets; {0} = segment, {1} = grant names.</summary>
    public const string SegmentInUseResource = ResourcePrefix + ".Errors.Segment.InUse";

    /// <summary>The wizard's saved segment no longer exists (or none was picked).</summary>
    public const string SegmentNotFoundResource = ResourcePrefix + ".Errors.Segment.NotFound";

    /// <summary>The wizard's customer list is no longer stored (abandoned, or another admin's token).</summary>
    public const string CustomerListMissingResource = ResourcePrefix + ".Wizard.CustomerList.Missing";

    #endregion
}
