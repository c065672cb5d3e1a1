#include "store/providerratings.h"

void ProviderRatings::add(const QString &provider, const QString &rating, const QDate &ratedOn)
{
    if (provider.isEmpty() || rating.isEmpty())
        return;
    auto &list = m_byProvider[provider];
    for (const Judgement &j : list)
        if (j.ratedOn == ratedOn && j.rating == rating)
            return;
    list.append({rating, ratedOn});
}

QString ProviderRatings::ratingAt(const QString &provider, const QDate &d, QDate *ratedOn) const
{
    const auto it = m_byProvider.constFind(provider);
    if (it == m_byProvider.cend())
        return {};
    const Judgement *best = nullptr;
    for (const Judgement &j : *it) {
        if (j.ratedOn.isValid() && j.ratedOn > d)
            continue;
        // A dated judgement beats an undated one; among dated ones the latest wins.
        if (!best || (!best->ratedOn.isValid() && j.ratedOn.isValid()) || (j.ratedOn.isValid() && j.ratedOn > best->ratedOn))
            best = &j;
    }
    if (!best)
        return {};
    if (ratedOn)
        *ratedOn = best->ratedOn;
    return best->rating;
}
