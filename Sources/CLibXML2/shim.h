#ifndef CORPUSKIT_CLIBXML2_SHIM_H
#define CORPUSKIT_CLIBXML2_SHIM_H
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <libxml/relaxng.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlerror.h>
#include <libxml/SAX2.h>
#include <libxml/xmlmemory.h>
#include <libxml/valid.h>
#include <libxml/xinclude.h>

/// xmlFree is a global function-pointer variable; Swift 6 strict concurrency
/// refuses to read it, so call it through this function.
static inline void corpuskit_xmlFree(void *p) { xmlFree(p); }
#endif
