/* Where `validate --schema X.rng` spends its time: parsing the schema as XML,
 * libxml2's RELAX NG parse + compile, and validating each file (CPU seconds).
 * build: cc -O2 -o schema_probe Benchmarks/schema_probe.c $(pkg-config --cflags --libs libxml-2.0)
 * run:   ./schema_probe ../shared/schemas/tei_all.rng FILE.xml...
 */
#include <stdio.h>
#include <time.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
static double now(void){struct timespec t;clock_gettime(CLOCK_PROCESS_CPUTIME_ID,&t);return t.tv_sec+t.tv_nsec/1e9;}
int main(int argc,char**argv){
  xmlInitParser();
  double t0=now();
  xmlDocPtr rng=xmlReadFile(argv[1],NULL,XML_PARSE_NONET);
  double t1=now();
  xmlRelaxNGParserCtxtPtr pc=xmlRelaxNGNewDocParserCtxt(rng);
  xmlRelaxNGPtr s=xmlRelaxNGParse(pc);
  double t2=now();
  for(int i=2;i<argc;i++){
    double a=now();
    xmlDocPtr d=xmlReadFile(argv[i],NULL,XML_PARSE_NONET);
    xmlRelaxNGValidCtxtPtr vc=xmlRelaxNGNewValidCtxt(s);
    xmlRelaxNGSetValidStructuredErrors(vc,NULL,NULL);
    int r=xmlRelaxNGValidateDoc(vc,d);
    double b=now();
    printf("%s: %s %.3f s\n",argv[i],r==0?"valid":"INVALID",b-a);
    xmlRelaxNGFreeValidCtxt(vc); xmlFreeDoc(d);
  }
  printf("read rng %.3f s; relaxng parse+compile %.3f s\n",t1-t0,t2-t1);
  return 0;
}
