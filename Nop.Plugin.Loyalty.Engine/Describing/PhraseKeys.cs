namespace Nop.Plugin.Loyalty.Engine.Describing;

/// <summary>Resource keys of the wordings the engine's descriptions use; the plugin ships their texts in every language.</summary>
/// <remarks>A key in <see cref="Counted"/> has a wording per <see cref="PluralForm"/>: "{key}.One" and "{key}.Other".</remarks>
public static class PhraseKeys
{
    private const string Prefix = "Plugins.Misc.Loyalty.Describe.";

    public const string AllRegistered = Prefix + "AllRegistered";
    public const string Customers = Prefix + "Customers";
    public const string Registered = Prefix + "Registered";
    public const string NoCondition = Prefix + "NoCondition";
    public const string Not = Prefix + "Not";
    public const string Parenthesized = Prefix + "Parenthesized";
    public const string JoinAll = Prefix + "Join.All";
    public const string JoinAny = Prefix + "Join.Any";
    public const string JoinComma = Prefix + "Join.Comma";
    public const string JoinOr = Prefix + "Join.Or";
    public const string CountingOrdersStatuses = Prefix + "CountingOrders.Statuses";
    public const string CountingOrdersStores = Prefix + "CountingOrders.Stores";
    public const string CountingOrdersStatusesAndStores = Prefix + "CountingOrders.StatusesAndStores";
    public const string RangeBetween = Prefix + "Range.Between";
    public const string RangeAtLeast = Prefix + "Range.AtLeast";
    public const string RangeAtMost = Prefix + "Range.AtMost";
    public const string RangeAny = Prefix + "Range.Any";
    public const string InWindow = Prefix + "InWindow";
    public const string WindowLastDays = Prefix + "Window.LastDays";
    public const string WindowThisMonth = Prefix + "Window.ThisMonth";
    public const string WindowLastMonth = Prefix + "Window.LastMonth";
    public const string WindowThisYear = Prefix + "Window.ThisYear";
    public const string WindowBetween = Prefix + "Window.Between";
    public const string WindowFrom = Prefix + "Window.From";
    public const string WindowTo = Prefix + "Window.To";
    public const string WindowAllTime = Prefix + "Window.AllTime";
    public const string OrderCountNever = Prefix + "OrderCount.Never";
    public const string OrderCountOrdered = Prefix + "OrderCount.Ordered";
    public const string OrderCountAtLeast = Prefix + "OrderCount.AtLeast";
    public const string OrderCountAtMost = Prefix + "OrderCount.AtMost";
    public const string OrderCountExactly = Prefix + "OrderCount.Exactly";
    public const string OrderCountBetween = Prefix + "OrderCount.Between";
    public const string OrderAmountTotal = Prefix + "OrderAmount.Total";
    public const string OrderAmountAnySingleOrder = Prefix + "OrderAmount.AnySingleOrder";
    public const string LastOrderDate = Prefix + "LastOrderDate";
    public const string PurchasedAny = Prefix + "Purchased.Any";
    public const string PurchasedAll = Prefix + "Purchased.All";
    public const string PurchaseAmount = Prefix + "PurchaseAmount";
    public const string ScopeProducts = Prefix + "Scope.Products";
    public const string ScopeCategories = Prefix + "Scope.Categories";
    public const string ScopeCategoryTrees = Prefix + "Scope.CategoryTrees";
    public const string BirthdayCurrentMonth = Prefix + "Birthday.CurrentMonth";
    public const string BirthdayMonth = Prefix + "Birthday.Month";
    public const string BirthdayDays = Prefix + "Birthday.Days";
    public const string BirthdayInvalid = Prefix + "Birthday.Invalid";
    public const string RegistrationDate = Prefix + "RegistrationDate";
    public const string Gender = Prefix + "Gender";
    public const string GenderMale = Prefix + "Gender.M";
    public const string GenderFemale = Prefix + "Gender.F";
    public const string GenderOther = Prefix + "Gender.Unlisted";
    public const string Country = Prefix + "Country";
    public const string StateProvince = Prefix + "StateProvince";
    public const string CustomerRole = Prefix + "CustomerRole";
    public const string Tag = Prefix + "Tag";
    public const string RegisteredStore = Prefix + "RegisteredStore";
    public const string Newsletter = Prefix + "Newsletter";
    public const string NewsletterStore = Prefix + "Newsletter.Store";
    public const string PointsBalance = Prefix + "PointsBalance";
    public const string PointsBalanceStore = Prefix + "PointsBalance.Store";
    public const string TargetRoles = Prefix + "Target.Roles";
    public const string TargetSegment = Prefix + "Target.Segment";
    public const string TargetPastedList = Prefix + "Target.CustomerList.Pasted";
    public const string TargetFileList = Prefix + "Target.CustomerList.File";
    public const string ListRowsRead = Prefix + "Target.CustomerList.RowsRead";
    public const string ListIds = Prefix + "Target.CustomerList.Ids";
    public const string ListEmails = Prefix + "Target.CustomerList.Emails";
    public const string ListSkipped = Prefix + "Target.CustomerList.Skipped";

    /// <summary>The keys worded by plural form.</summary>
    public static IReadOnlySet<string> Counted { get; } = new HashSet<string>
    {
        WindowLastDays,
        OrderCountAtLeast,
        OrderCountAtMost,
        OrderCountExactly,
        ListRowsRead,
        ListIds,
        ListEmails,
        ListSkipped
    };
}
