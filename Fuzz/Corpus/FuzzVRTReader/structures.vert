<text id="t">
<speech id="u1" speaker_id="A">
<p id="p1" lang="kk">
<s id="s1">
<name type="ORG">
Ду	де|ле	де|ле	ADP|DET	|Definite=Def	w1|w2	case|det	x	NOUN		w3
</name>
x	x	x	NOUN		w3	root	-	-	-	-
<g/>
&amp;	&amp;	&lt;	PUNCT		w4	punct	x	NOUN		w3
</s>
</p>
<note type="head" content="a &quot;b&quot;"/>
</speech>
</text>
