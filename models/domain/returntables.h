#pragma once
// The rest of the 903 as the importer reads it (PRODUCT §11): which XML element opens each of the
// return's blocks, and the data-quality findings a file of these tables shows on its own.
#include <QString>

#include <cstddef>
#include <functional>

namespace ImportTable { struct Table; }

namespace ReturnXml {
// The block an element opens: 0 for EPISODE, 1 + the index in ImportTable::returnKinds() for the
// others (AREVIEW, AMISSING, OC2, OC3, AD1, PLACED_ADOPTION or AD_PLACED, PERMANENCE,
// SW_EPISODE); -1 for any other element. `tag` is upper case.
int blockKind(const QString &tag);
// Whether a child may have more than one of the block (episodes, reviews, missing, placed for
// adoption, social workers) or one at most (OC2, OC3, AD1, previous permanence).
bool repeats(int blockKind);
// The element's name as the DfE's schema spells it.
QString blockName(int blockKind);
} // namespace ReturnXml

namespace ReturnChecks {
using Report = std::function<void(size_t row, const char *rule, const QString &message)>;
// Codes outside the 903's lists, ends before starts, a review or missing episode given twice.
void check(const ImportTable::Table &table, const Report &report);
} // namespace ReturnChecks
