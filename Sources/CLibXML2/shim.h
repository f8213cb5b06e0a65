#ifndef CORPUSKIT_CLIBXML2_SHIM_H
#define CORPUSKIT_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Debian's libxml2 is built with ICU, so encoding.h would include the system
   <unicode/ucnv.h>, whose types clash with Foundation's bundled ICU in any Swift
   module that also imports Foundation (CorpusTEI does, for its resource bundle).
   The ICU declarations only add two trailing pointer fields to
   xmlCharEncodingHandler, which CorpusKit never allocates or reads. */
#undef LIBXML_ICU_ENABLED
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

/// libxml2 prints some errors (input encoding conversion, I/O) through its
/// per-thread "generic" error function, straight to stderr. CorpusKit reports
/// errors itself, so each parsing thread installs this silent one.
static inline void corpuskit_silentGenericError(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
static inline void corpuskit_silenceGenericErrors(void) { xmlSetGenericErrorFunc(NULL, corpuskit_silentGenericError); }
#endif
