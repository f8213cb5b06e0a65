	де|ле	де|ле	ADP|DET	|Denite=Def	w1|w2s|cedea	t	x	~OUN		w3
<5c0974>
